using SecureGen.Core.Analysis;
using SecureGen.Core.Analysis.Sarif;

namespace SecureGen.UnitTests.Analysis.Sarif;

/// <summary>Analysis reports of the kinds a SARIF log has to show, built through the real verdict policy.</summary>
internal static class SarifSamples
{
    public const string SourceRoot = "/work/project";

    private static readonly string[] Required = ["bandit", "taint"];

    public static Finding SubprocessImport { get; } = new("bandit", "B404", 78, Severity.Low, Severity.High, 1, 1,
        "Consider possible security implications associated with subprocess module.", RuleName: "blacklist");

    public static Finding ShellTrue { get; } = new("bandit", "B602", 78, Severity.High, Severity.High, 6, 7,
        "subprocess call with shell=True identified, security issue.", RuleName: "subprocess_popen_with_shell_equals_true");

    public static Finding TaintedCommand { get; } = new("taint", "SG-TAINT-078", 78, Severity.High, Severity.Medium, 6, 6,
        "request.args['host'] (line 5) reaches subprocess.call(shell=True)", SourceLine: 5, SinkLine: 6, RuleName: "OS command injection");

    public static Finding HardCodedPassword { get; } = new("bandit", "B105", 259, Severity.Low, Severity.Medium, 2, 2,
        "Possible hardcoded password: 'hunter2'", RuleName: "hardcoded_password_string");

    public static Finding AssertUsed { get; } = new("bandit", "B101", null, Severity.Low, Severity.High, 3, 3,
        "Use of assert detected. The enclosed code will be removed when compiling to optimised byte code.", RuleName: "assert_used");

    public static AnalysisReport Vulnerable { get; } = Decide(
        new ToolRun("bandit", true, [SubprocessImport, ShellTrue], null),
        new ToolRun("taint", true, [TaintedCommand], null));

    public static AnalysisReport Secure { get; } = Decide(
        new ToolRun("bandit", true, [HardCodedPassword, AssertUsed], null),
        new ToolRun("taint", true, [], null));

    public static AnalysisReport TaintCrashed { get; } = Decide(
        new ToolRun("bandit", true, [], null),
        ToolRun.Failed("taint", "RecursionError: maximum recursion depth exceeded"));

    public static AnalysisReport DoesNotParse { get; } = new VerdictPolicy().Decide(Required, [], "line 1: invalid syntax");

    public static AnalysisReport WorkerDied { get; } = AnalysisReport.Unknown("analysis worker failed: analysis worker 4242 exited");

    public static SarifLogOptions Options { get; } = new() { SourceRoot = SourceRoot, ToolVersion = "1.2.3" };

    /// <summary>One run's worth of candidates: every kind, one outside the source root.</summary>
    public static IReadOnlyList<SarifArtifact> Merged { get; } =
    [
        new("candidates/s1-0.py", Vulnerable),
        new("candidates/s1-1.py", Secure),
        new("candidates/s2-0.py", TaintCrashed),
        new("candidates/s2-1 draft.py", DoesNotParse),
        new("/elsewhere/s3-0.py", WorkerDied),
    ];

    private static AnalysisReport Decide(params ToolRun[] runs) => new VerdictPolicy().Decide(Required, runs, null);
}
