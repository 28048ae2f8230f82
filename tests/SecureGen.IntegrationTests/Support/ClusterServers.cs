namespace SecureGen.IntegrationTests.Support;

/// <summary>A private RabbitMQ and PostgreSQL on loopback for one test class.</summary>
public sealed class ClusterServers() : DevClusterServers("rabbitmq postgres");
