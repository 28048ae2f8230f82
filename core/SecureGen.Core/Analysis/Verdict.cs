namespace SecureGen.Core.Analysis;

/// <summary>
/// Fail-closed verdict on a candidate. Unknown covers every case where the analysis could
/// not be trusted (crash, timeout, unparsable code, missing tool) and is never counted as Secure.
/// </summary>
public enum Verdict
{
    Secure,
    Vulnerable,
    Unknown,
}
