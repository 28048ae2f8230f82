namespace SecureGen.Core.Analysis.Sarif;

/// <summary>One analysed candidate as it appears in a SARIF log.</summary>
/// <param name="Path">A file path (absolute, or relative to <see cref="SarifLogOptions.SourceRoot"/>) or a logical name such as "candidates/abc.py".</param>
public sealed record SarifArtifact(string Path, AnalysisReport Report);
