namespace SecureGen.Core.Metrics;

/// <summary>
/// One "at k" figure for a strategy: the mean over tasks of the per-task estimate. Tasks with fewer
/// than k samples are left out and counted in <see cref="TasksBelowK"/>; when no task has k samples
/// <see cref="Value"/> is null and <see cref="Note"/> says why.
/// </summary>
/// <param name="Tasks">Tasks the mean is over.</param>
public sealed record AtKMetric(
    string Metric,
    int K,
    double? Value,
    ConfidenceInterval? Interval,
    int Tasks,
    int TasksBelowK,
    string? Note);
