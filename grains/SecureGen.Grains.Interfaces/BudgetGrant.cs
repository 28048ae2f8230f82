namespace SecureGen.Grains.Interfaces;

/// <summary>Either a lease (<see cref="LeaseId"/>) or how long to wait before asking again.</summary>
[GenerateSerializer, Immutable]
public sealed record BudgetGrant(
    [property: Id(0)] Guid? LeaseId,
    [property: Id(1)] TimeSpan RetryAfter)
{
    public bool Granted => LeaseId is not null;
}
