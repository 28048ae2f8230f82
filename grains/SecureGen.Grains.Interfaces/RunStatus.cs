namespace SecureGen.Grains.Interfaces;

/// <summary>A run's progress: sessions finished, in flight and waiting, the usage of the finished ones, and what bounds the run.</summary>
/// <param name="Cancelled">The run was cancelled: nothing more is dispatched; sessions already in flight finish and are kept.</param>
/// <param name="LlmMilliseconds">Summed time finished sessions waited on the model; with <paramref name="SessionMilliseconds"/> it tells a model-bound run from a CPU-bound one.</param>
[GenerateSerializer, Immutable]
public sealed record RunStatus(
    [property: Id(0)] string RunId,
    [property: Id(1)] int Planned,
    [property: Id(2)] int Completed,
    [property: Id(3)] int Faulted,
    [property: Id(4)] int InFlight,
    [property: Id(5)] long Tokens,
    [property: Id(6)] double? CostUsd,
    [property: Id(7)] double LlmMilliseconds,
    [property: Id(8)] double SessionMilliseconds,
    [property: Id(9)] DateTimeOffset? SubmittedAt,
    [property: Id(10)] bool Cancelled = false)
{
    public int Finished => Completed + Faulted;

    public bool IsFinished => Planned > 0 && Finished >= Planned;

    /// <summary>Nothing more will happen: every session ended, or the run was cancelled and its last in-flight session ended.</summary>
    public bool IsEnded => IsFinished || (Cancelled && InFlight == 0);

    public static RunStatus NotSubmitted(string runId) => new(runId, 0, 0, 0, 0, 0, null, 0, 0, null);
}
