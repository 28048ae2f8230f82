using SecureGen.Core.Analysis;
using SecureGen.Core.Sessions;

namespace SecureGen.UnitTests.Support;

/// <summary>Session results for metric and report tests: task, CWE, verdict, code and test outcome are what matter.</summary>
public static class ResultBuilder
{
    public static SessionResult Make(
        string task,
        int sample,
        Verdict verdict,
        string strategy = "baseline",
        int? cwe = 78,
        string? code = null,
        bool? correct = null,
        string? infrastructureFailure = null,
        bool unparsable = false,
        string judge = "static",
        double durationMs = 100,
        int promptTokens = 100,
        int completionTokens = 50) =>
        new("run-1", SessionIds.For("run-1", task, strategy, sample), task, "builtin", cwe, strategy, sample, "m", true,
            infrastructureFailure is null ? code ?? $"def f():\n    return {sample}\n" : string.Empty,
            verdict, infrastructureFailure is null ? judge : "none", [], [], unparsable, CandidateScore.Unscored("none"), [],
            [new LlmCall("sample", "m", promptTokens, completionTokens, 40, true)], [], infrastructureFailure, DateTimeOffset.UnixEpoch, durationMs, FunctionalTestsPassed: correct);
}
