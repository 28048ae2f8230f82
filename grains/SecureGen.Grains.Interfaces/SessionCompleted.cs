using SecureGen.Core.Analysis;

namespace SecureGen.Grains.Interfaces;

/// <summary>
/// A session's end: its result is stored (or, with <see cref="Fault"/>, it failed on every attempt and a fault
/// record says why). Sent to the run grain and published on the run's session-completed stream.
/// </summary>
/// <param name="AlreadyStored">True when the session found its result already in the store (a resumed or repeated start).</param>
/// <param name="LlmMilliseconds">Time the session spent waiting on model calls, beside <paramref name="DurationMilliseconds"/>.</param>
[GenerateSerializer, Immutable]
public sealed record SessionCompleted(
    [property: Id(0)] string RunId,
    [property: Id(1)] string SessionId,
    [property: Id(2)] string TaskId,
    [property: Id(3)] string Strategy,
    [property: Id(4)] Verdict Verdict,
    [property: Id(5)] bool InfrastructureFailure,
    [property: Id(6)] bool AlreadyStored,
    [property: Id(7)] long Tokens,
    [property: Id(8)] double? CostUsd,
    [property: Id(9)] double LlmMilliseconds,
    [property: Id(10)] double DurationMilliseconds,
    [property: Id(11)] string? Fault = null);
