using System.Text.Json.Serialization;
using SecureGen.Core.Analysis;

namespace SecureGen.Core.Sessions;

/// <summary>The outcome of one prompt session: one line of results.jsonl, one row in the store.</summary>
/// <param name="Judge">What produced the verdict: "static" (analyzers) or "tests" (sandboxed security tests).</param>
/// <param name="InfrastructureFailure">Set when the LLM endpoint finally failed; such sessions are kept out of model metrics.</param>
/// <param name="Events">The full ordered trace: every prompt (or its hash), candidate analysis, score, retrieval, decision and the final choice.</param>
/// <param name="ChoiceReason">Why the strategy returned the final candidate.</param>
/// <param name="Parameters">The strategy parameters the session used, defaults included.</param>
/// <param name="RefinementPairs">Before/after pairs of refined candidates, for scorer bootstrapping.</param>
/// <param name="Classifications">For the classify task: the model's answers on labelled code.</param>
/// <param name="FunctionalTestsPassed">Whether the final code passed the task's functional tests; null when no tests ran (pass@k is then not defined).</param>
/// <param name="StaticVerdict">With judge "tests": the analyzers' verdict on the same final code, kept for the static-vs-tests agreement table; null otherwise.</param>
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
    double DurationMs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TraceEvent>? Events = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ChosenCandidateId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ChoiceReason = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Parameters = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<RefinementPair>? RefinementPairs = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ClassificationOutcome>? Classifications = null,
    bool? FunctionalTestsPassed = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Verdict? StaticVerdict = null)
{
    /// <summary>This session's LLM calls summed (tokens, dollars, retries, cache hits); derived, so never out of step.</summary>
    public LlmUsage Usage => LlmUsage.Of(LlmCalls);
}
