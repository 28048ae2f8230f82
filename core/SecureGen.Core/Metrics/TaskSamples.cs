using System.Globalization;

namespace SecureGen.Core.Metrics;

/// <summary>
/// The counts behind every figure for one (strategy, task). N counts the samples the model produced
/// (sessions without an infrastructure failure), unparsable and Unknown ones included: those are
/// neither secure nor correct. Correct and CorrectAndSecure are null when no functional tests ran.
/// </summary>
public sealed record TaskSamples(
    string TaskId,
    int? Cwe,
    int Sessions,
    int N,
    int Secure,
    int Vulnerable,
    int Unknown,
    int Unparsable,
    int Duplicates,
    int InfrastructureFailures,
    int? Correct,
    int? CorrectAndSecure)
{
    /// <summary>The per-task estimate of a metric; null where it is not defined (n &lt; k, or no tests for pass@k / func-sec@k).</summary>
    public double? Estimate(AtKMetricKind metric, int k) => metric switch
    {
        AtKMetricKind.SecureAtK => AtKEstimator.All(N, Secure, k),
        AtKMetricKind.VulnerableAtK => AtKEstimator.AtLeastOne(N, Vulnerable, k),
        AtKMetricKind.PassAtK => Correct is { } c ? AtKEstimator.AtLeastOne(N, c, k) : null,
        AtKMetricKind.FuncSecAtK => CorrectAndSecure is { } f ? AtKEstimator.AtLeastOne(N, f, k) : null,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric.ToString()),
    };

    public static string MetricName(AtKMetricKind metric, int k) => metric switch
    {
        AtKMetricKind.PassAtK => string.Create(CultureInfo.InvariantCulture, $"pass@{k}"),
        AtKMetricKind.SecureAtK => string.Create(CultureInfo.InvariantCulture, $"secure@{k}"),
        AtKMetricKind.VulnerableAtK => string.Create(CultureInfo.InvariantCulture, $"vulnerable@{k}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"func-sec@{k}"),
    };
}
