namespace SecureGen.IntegrationTests.Support;

/// <summary>A private Redis (Orleans' membership, state, reminders) and PostgreSQL (results) on loopback for one test class.</summary>
public sealed class ClusterServers() : DevClusterServers("redis postgres");
