using SecureGen.Core.Analysis;
using SecureGen.Core.Sessions;
using static SecureGen.UnitTests.Support.ResultBuilder;

namespace SecureGen.UnitTests.Support;

/// <summary>A fixed tests-judged run: static verdicts and analyzer findings beside the tests' verdicts, two CWEs.</summary>
public static class AgreementSamples
{
    public static IReadOnlyList<SessionResult> JudgedByTests() =>
    [
        // CWE-78: bandit and taint both catch the one the tests find vulnerable; bandit alone raises a false alarm
        Judged("cmd_ping", 0, Verdict.Vulnerable, Verdict.Vulnerable, 78, [Bandit(78), Taint(78)]),
        Judged("cmd_ping", 1, Verdict.Vulnerable, Verdict.Secure, 78, [Bandit(78)]),
        Judged("cmd_ping", 2, Verdict.Secure, Verdict.Secure, 78),
        Judged("cmd_ping", 3, Verdict.Unknown, Verdict.Unknown, 78, reasons: ["static: code does not parse: line 1"]),
        // CWE-89: taint catches one, both miss another, the tests are inconclusive on a third, and
        // bandit flags a fourth while taint crashed
        Judged("sql_lookup", 0, Verdict.Vulnerable, Verdict.Vulnerable, 89, [Taint(89)]),
        Judged("sql_lookup", 1, Verdict.Secure, Verdict.Vulnerable, 89),
        Judged("sql_lookup", 2, Verdict.Secure, Verdict.Unknown, 89),
        Judged("sql_lookup", 3, Verdict.Vulnerable, Verdict.Secure, 89, [Bandit(89)], ["static: taint failed: crashed"]),
        // judged statically (no tests): not part of the table
        Make("sql_lookup", 4, Verdict.Vulnerable, cwe: 89),
    ];

    private static Finding Bandit(int cwe) => new("bandit", "B602", cwe, Severity.High, Severity.High, 3, 3, "shell");

    private static Finding Taint(int cwe) => new("taint", "SG-TAINT-078", cwe, Severity.Medium, Severity.Medium, 3, 3, "flow");

    private static SessionResult Judged(
        string task, int sample, Verdict staticVerdict, Verdict tests, int cwe, IReadOnlyList<Finding>? findings = null, IReadOnlyList<string>? reasons = null) =>
        Make(task, sample, tests, cwe: cwe, judge: "tests", correct: true) with
        {
            StaticVerdict = staticVerdict,
            Findings = findings ?? [],
            Reasons = ["tests: security tests " + tests.ToString().ToLowerInvariant(), .. reasons ?? []],
        };
}
