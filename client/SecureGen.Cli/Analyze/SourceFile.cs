namespace SecureGen.Cli.Analyze;

/// <summary>A file to analyse: its full path and the path the report shows.</summary>
internal sealed record SourceFile(string FullPath, string DisplayPath);
