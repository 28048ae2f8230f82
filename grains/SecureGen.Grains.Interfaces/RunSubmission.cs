using SecureGen.Core.Sessions;

namespace SecureGen.Grains.Interfaces;

/// <summary>The sessions of a run and how many of them may be in flight at once.</summary>
[GenerateSerializer, Immutable]
public sealed record RunSubmission(
    [property: Id(0)] IReadOnlyList<SessionInput> Sessions,
    [property: Id(1)] int MaxInFlight);
