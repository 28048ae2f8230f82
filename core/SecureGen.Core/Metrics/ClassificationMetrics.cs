namespace SecureGen.Core.Metrics;

/// <summary>
/// How well a model detects vulnerable code and names its CWE. Detection treats "vulnerable" as the
/// positive class; an unreadable answer counts as wrong. CweAccuracy is over truly vulnerable items
/// with a known CWE; MacroF1 averages the per-CWE F1 over the CWEs that occur in the truth.
/// </summary>
public sealed record ClassificationMetrics(
    string Strategy,
    int Items,
    int Unreadable,
    double DetectionAccuracy,
    double DetectionPrecision,
    double DetectionRecall,
    double DetectionF1,
    double CweAccuracy,
    double MacroF1,
    IReadOnlyList<CweClassMetrics> PerCwe);
