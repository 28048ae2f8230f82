namespace SecureGen.Core.Metrics;

/// <summary>One strategy's results on the tasks of one CWE (null: tasks without a CWE label).</summary>
public sealed record CweMetrics(
    string Strategy,
    int? Cwe,
    int Tasks,
    int N,
    int Secure,
    int Vulnerable,
    int Unknown,
    int Unparsable,
    int Duplicates,
    int InfrastructureFailures,
    double SecureRate,
    double VulnerableRate,
    double? SecureAt1,
    double? VulnerableAt1);
