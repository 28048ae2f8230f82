namespace SecureGen.Cli.Analyze;

/// <summary>How `analyze` writes its report.</summary>
internal enum ReportFormat
{
    Text,
    Json,
    Sarif,
}
