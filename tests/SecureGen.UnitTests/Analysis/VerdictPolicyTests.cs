using SecureGen.Core.Analysis;

namespace SecureGen.UnitTests.Analysis;

public sealed class VerdictPolicyTests
{
    private static Finding At(Severity severity) => new("bandit", "B000", 78, severity, Severity.High, 3, 3, "x");

    [Fact]
    public void A_medium_finding_makes_the_candidate_vulnerable()
    {
        var report = new VerdictPolicy().Decide(["bandit"], [new ToolRun("bandit", true, [At(Severity.Medium)], null)], null);
        Assert.Equal(Verdict.Vulnerable, report.Verdict);
    }

    [Fact]
    public void Low_findings_alone_leave_the_candidate_secure_but_are_reported()
    {
        var report = new VerdictPolicy().Decide(["bandit"], [new ToolRun("bandit", true, [At(Severity.Low)], null)], null);
        Assert.Equal(Verdict.Secure, report.Verdict);
        Assert.Single(report.Findings);
    }

    [Fact]
    public void A_failed_tool_without_findings_gives_unknown_never_secure()
    {
        var report = new VerdictPolicy().Decide(["bandit", "taint"], [new ToolRun("bandit", true, [], null), ToolRun.Failed("taint", "crashed")], null);
        Assert.Equal(Verdict.Unknown, report.Verdict);
        Assert.Contains(report.Reasons, r => r.Contains("taint failed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_required_tool_that_did_not_run_gives_unknown()
    {
        var report = new VerdictPolicy().Decide(["bandit"], [], null);
        Assert.Equal(Verdict.Unknown, report.Verdict);
    }

    [Fact]
    public void A_finding_from_one_tool_is_vulnerable_even_when_another_tool_failed()
    {
        var report = new VerdictPolicy().Decide(["bandit", "taint"], [new ToolRun("bandit", true, [At(Severity.High)], null), ToolRun.Failed("taint", "x")], null);
        Assert.Equal(Verdict.Vulnerable, report.Verdict);
    }

    [Fact]
    public void Code_that_does_not_parse_is_unknown()
    {
        var report = new VerdictPolicy().Decide(["bandit"], [], "line 1: invalid syntax");
        Assert.Equal(Verdict.Unknown, report.Verdict);
        Assert.Equal("line 1: invalid syntax", report.SyntaxError);
    }

    [Fact]
    public void The_severity_threshold_is_configurable()
    {
        var report = new VerdictPolicy(Severity.Low).Decide(["bandit"], [new ToolRun("bandit", true, [At(Severity.Low)], null)], null);
        Assert.Equal(Verdict.Vulnerable, report.Verdict);
    }

    [Fact]
    public void A_low_confidence_finding_decides_by_default_with_low_evidence_confidence()
    {
        var finding = At(Severity.Medium) with { Confidence = Severity.Low };
        var report = new VerdictPolicy().Decide(["bandit"], [new ToolRun("bandit", true, [finding], null)], null);
        Assert.Equal(Verdict.Vulnerable, report.Verdict);
        Assert.Equal(Severity.Low, report.Confidence);
    }

    [Fact]
    public void A_confidence_threshold_keeps_weaker_findings_from_deciding()
    {
        var finding = At(Severity.High) with { Confidence = Severity.Low };
        var report = new VerdictPolicy(Severity.Medium, Severity.Medium).Decide(["bandit"], [new ToolRun("bandit", true, [finding], null)], null);
        Assert.Equal(Verdict.Secure, report.Verdict);
        Assert.Single(report.Findings);
    }

    [Fact]
    public void Two_analyzers_reporting_one_weakness_nearby_give_high_evidence_confidence()
    {
        var bandit = At(Severity.Medium) with { Confidence = Severity.Low };
        var taint = new Finding("taint", "SG-TAINT-078", 78, Severity.Low, Severity.Medium, 4, 4, "y");
        var report = new VerdictPolicy().Decide(["bandit", "taint"], [new ToolRun("bandit", true, [bandit], null), new ToolRun("taint", true, [taint], null)], null);
        Assert.Equal(Severity.High, report.Confidence);
    }

    [Fact]
    public void Findings_of_different_weaknesses_do_not_corroborate_each_other()
    {
        var bandit = At(Severity.Medium) with { Confidence = Severity.Medium };
        var taint = new Finding("taint", "SG-TAINT-089", 89, Severity.Medium, Severity.Low, 3, 3, "y");
        var report = new VerdictPolicy().Decide(["bandit", "taint"], [new ToolRun("bandit", true, [bandit], null), new ToolRun("taint", true, [taint], null)], null);
        Assert.Equal(Severity.Medium, report.Confidence);
    }

    [Fact]
    public void A_secure_verdict_carries_no_evidence_confidence()
    {
        var report = new VerdictPolicy().Decide(["bandit"], [new ToolRun("bandit", true, [], null)], null);
        Assert.Null(report.Confidence);
    }

    [Fact]
    public void Findings_that_do_not_decide_have_no_evidence_confidence()
    {
        Assert.Null(new VerdictPolicy().EvidenceConfidence([At(Severity.Low)]));
        Assert.Equal(Severity.High, new VerdictPolicy().EvidenceConfidence([At(Severity.Medium)]));
    }
}
