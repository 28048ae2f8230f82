namespace SecureGen.Core.Analysis;

/// <summary>One normalised finding from any analyzer.</summary>
/// <param name="Tool">Analyzer that produced it (bandit, taint, an external SARIF tool).</param>
/// <param name="RuleId">The tool's own rule id, e.g. B602.</param>
/// <param name="Cwe">CWE id, when the rule maps to one.</param>
/// <param name="SourceLine">For data-flow findings: where the tainted data enters.</param>
/// <param name="SinkLine">For data-flow findings: where it reaches the dangerous call.</param>
/// <param name="RuleName">The tool's readable name for the rule (e.g. subprocess_popen_with_shell_equals_true), when it has one.</param>
public sealed record Finding(
    string Tool,
    string RuleId,
    int? Cwe,
    Severity Severity,
    Severity Confidence,
    int Line,
    int EndLine,
    string Message,
    int? SourceLine = null,
    int? SinkLine = null,
    string? RuleName = null);
