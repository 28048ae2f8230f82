using SecureGen.Core.Analysis;

namespace SecureGen.Cli.Analyze;

/// <summary>One analysed file: the path as the report shows it (relative to the working folder when inside it) and its report.</summary>
internal sealed record AnalyzedFile(string DisplayPath, AnalysisReport Report);
