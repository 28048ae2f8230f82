namespace SecureGen.Core.Analysis.Sarif;

/// <summary>How a SARIF log names its artifacts and this tool.</summary>
public sealed record SarifLogOptions
{
    /// <summary>Absolute folder that relative artifact paths are relative to; written as the SRCROOT base so the log stays portable.</summary>
    public string? SourceRoot { get; init; }

    /// <summary>SecureGen's version, written on the run that reports analyses SecureGen itself could not complete.</summary>
    public string? ToolVersion { get; init; }
}
