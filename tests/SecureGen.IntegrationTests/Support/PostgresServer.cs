namespace SecureGen.IntegrationTests.Support;

/// <summary>A private PostgreSQL on loopback for one test class.</summary>
public sealed class PostgresServer() : DevClusterServers("postgres");
