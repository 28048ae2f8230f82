namespace SecureGen.Core.Metrics;

/// <summary>The four "at k" metrics of docs and ARCHITECTURE.md.</summary>
public enum AtKMetricKind
{
    /// <summary>1 - C(n-c,k)/C(n,k), c functionally correct.</summary>
    PassAtK,

    /// <summary>C(s,k)/C(n,k), s judged secure.</summary>
    SecureAtK,

    /// <summary>1 - C(n-v,k)/C(n,k), v judged vulnerable.</summary>
    VulnerableAtK,

    /// <summary>1 - C(n-f,k)/C(n,k), f correct and secure.</summary>
    FuncSecAtK,
}
