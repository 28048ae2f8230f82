using SecureGen.Core.Analysis;

namespace SecureGen.Core.Sessions;

/// <summary>The outcome of one prompt session: one line of results.jsonl, one row in the store.</summary>
/// <param name="Judge">What produced the verdict: "static" (analyzers) or "tests" (sandboxed security tests).</param>
/// <param name="InfrastructureFailure">Set when the LLM endpoint finally failed; such sessions are kept out of model metrics.</param>
public sealed record SessionResult(
    string RunId,
    string SessionId,
    string TaskId,
    string Dataset,
    int? Cwe,
    string Strategy,
    int SampleIndex,
    string Model,
    bool Simulated,
    string FinalCode,
    Verdict Verdict,
    string Judge,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<string> Reasons,
    bool Unparsable,
    CandidateScore Score,
    IReadOnlyList<CandidateSummary> Candidates,
    IReadOnlyList<LlmCall> LlmCalls,
    IReadOnlyList<string> Trace,
    string? InfrastructureFailure,
    DateTimeOffset CompletedAt,
    double DurationMs)
{
    /// <summary>This session's LLM calls summed (tokens, dollars, retries, cache hits); derived, so never out of step.</summary>
    public LlmUsage Usage => LlmUsage.Of(LlmCalls);
}
