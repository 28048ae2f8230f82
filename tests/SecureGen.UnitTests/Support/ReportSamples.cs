using SecureGen.Core.Analysis;
using SecureGen.Core.Sessions;
using static SecureGen.UnitTests.Support.ResultBuilder;

namespace SecureGen.UnitTests.Support;

/// <summary>A fixed two-strategy run over three tasks and two CWEs, for report snapshots and charts.</summary>
public static class ReportSamples
{
    public static IReadOnlyList<SessionResult> TwoStrategies()
    {
        var results = new List<SessionResult>();
        string[] tasks = ["cmd_ping", "cmd_archive", "sql_lookup"];
        for (var t = 0; t < tasks.Length; t++)
        {
            var cwe = t < 2 ? 78 : 89;
            for (var s = 0; s < 6; s++)
            {
                var baselineVerdict = (s + t) % 3 == 0 ? Verdict.Vulnerable : (s == 5 ? Verdict.Unknown : Verdict.Secure);
                results.Add(Make(tasks[t], s, baselineVerdict, "baseline", cwe, code: $"def f():\n    return {s % 4}\n", correct: s != 2, durationMs: 900 + (100 * s)));
                var refinedVerdict = s == t ? Verdict.Vulnerable : Verdict.Secure;
                results.Add(Make(tasks[t], s, refinedVerdict, "securecoder", cwe, correct: s != 3, judge: "tests", durationMs: 2400 + (150 * s), promptTokens: 400, completionTokens: 200));
            }
        }

        results.Add(Make("sql_lookup", 6, Verdict.Unknown, "baseline", 89, infrastructureFailure: "endpoint timed out"));
        return results;
    }
}
