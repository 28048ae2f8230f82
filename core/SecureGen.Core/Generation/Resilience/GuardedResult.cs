namespace SecureGen.Core.Generation.Resilience;

/// <summary>What a guarded call returned and how many retries it took.</summary>
public sealed record GuardedResult<T>(T Value, int Retries);
