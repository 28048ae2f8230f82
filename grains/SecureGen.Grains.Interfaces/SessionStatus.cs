namespace SecureGen.Grains.Interfaces;

/// <summary>Where a session stands; Completion is set once it completed or faulted.</summary>
[GenerateSerializer, Immutable]
public sealed record SessionStatus(
    [property: Id(0)] SessionPhase Phase,
    [property: Id(1)] int Attempts,
    [property: Id(2)] SessionCompleted? Completion);
