namespace SecureGen.IntegrationTests.Support;

/// <summary>A private Redis on loopback for one test class: Orleans' grain state and reminders that outlive a silo.</summary>
public sealed class RedisServer() : DevClusterServers("redis");
