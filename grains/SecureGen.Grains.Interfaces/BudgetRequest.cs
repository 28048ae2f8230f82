namespace SecureGen.Grains.Interfaces;

/// <summary>A silo's request for one call: the tokens it reserves, and the endpoint's limits as that silo is configured (0 = unlimited).</summary>
/// <param name="LeaseTimeout">How long a lease holds a slot if its silo never gives it back (a silo that died mid-call).</param>
[GenerateSerializer, Immutable]
public sealed record BudgetRequest(
    [property: Id(0)] int Tokens,
    [property: Id(1)] int MaxConcurrency,
    [property: Id(2)] int RequestsPerMinute,
    [property: Id(3)] int TokensPerMinute,
    [property: Id(4)] TimeSpan LeaseTimeout);
