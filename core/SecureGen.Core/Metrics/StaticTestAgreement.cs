namespace SecureGen.Core.Metrics;

/// <summary>
/// How the analyzers' verdict agrees with the security tests' verdict, over every session of the run
/// that the tests judged (all strategies pooled: it measures the judge, not a strategy).
/// </summary>
/// <param name="Overall">The static verdict the run would have used without tests.</param>
/// <param name="PerAnalyzer">Each analyzer's own findings alone (a medium or higher finding: Vulnerable).</param>
/// <param name="PerCwe">The static verdict, per CWE of the task.</param>
/// <param name="PerConfidence">The static verdict had only Vulnerable verdicts of at least this evidence
/// confidence counted (the others as Secure): what a confidence threshold would give (docs/verdict-policy.md).</param>
public sealed record StaticTestAgreement(
    AgreementMatrix Overall,
    IReadOnlyList<AgreementMatrix> PerAnalyzer,
    IReadOnlyList<AgreementMatrix> PerCwe,
    IReadOnlyList<AgreementMatrix> PerConfidence);
