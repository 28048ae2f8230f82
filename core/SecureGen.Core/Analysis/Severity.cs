namespace SecureGen.Core.Analysis;

/// <summary>How bad a finding is, in the three levels every analyzer we use agrees on.</summary>
public enum Severity
{
    Low = 1,
    Medium = 2,
    High = 3,
}
