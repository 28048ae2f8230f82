using SecureGen.Core.Analysis;

namespace SecureGen.Core.Sessions;

/// <summary>
/// A candidate before and after a refinement with analyzer feedback: the material the neural
/// scorer is bootstrapped on (a Vulnerable before with a Secure after is a fixed vulnerability).
/// </summary>
public sealed record RefinementPair(
    string SessionId,
    string TaskId,
    int? TaskCwe,
    string Strategy,
    string BeforeId,
    string BeforeCode,
    Verdict BeforeVerdict,
    IReadOnlyList<Finding> BeforeFindings,
    string AfterId,
    string AfterCode,
    Verdict AfterVerdict,
    IReadOnlyList<Finding> AfterFindings)
{
    public bool FixedVulnerability => BeforeVerdict == Verdict.Vulnerable && AfterVerdict == Verdict.Secure;
}
