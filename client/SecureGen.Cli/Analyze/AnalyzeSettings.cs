using SecureGen.Core.Analysis;

namespace SecureGen.Cli.Analyze;

/// <summary>Everything `analyze` was asked to do, as parsed from the command line.</summary>
/// <param name="Analyzers">Worker analyzers to run; null means every one the worker has.</param>
/// <param name="External">Raw `NAME=COMMAND` values of --external.</param>
internal sealed record AnalyzeSettings(
    IReadOnlyList<string> Paths,
    ReportFormat Format,
    string? OutputFile,
    IReadOnlyList<string>? Analyzers,
    IReadOnlyList<string> External,
    TimeSpan ExternalTimeout,
    int Workers,
    Severity MinimumSeverity);
