using SecureGen.Core.Analysis;

namespace SecureGen.Core.Reporting;

/// <summary>The same (task, strategy, sample) judged differently in two runs.</summary>
public sealed record VerdictChange(string TaskId, string Strategy, int SampleIndex, Verdict Before, Verdict After)
{
    public bool Improved => Before != Verdict.Secure && After == Verdict.Secure;

    public bool Regressed => Before == Verdict.Secure && After != Verdict.Secure;
}
