using System.CommandLine;
using SecureGen.Cli.Analyze;
using SecureGen.Cli.Output;
using SecureGen.Core.Analysis;

namespace SecureGen.Cli.Commands;

/// <summary>`securegen analyze PATH...`: static analysis of Python files; exit 0 Secure, 1 Vulnerable, 2 Unknown or bad input.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Python files, or folders searched recursively for *.py.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "Report format: text, json or sarif (SARIF 2.1.0).", DefaultValueFactory = _ => "text" };
        var output = new Option<string?>("--out") { Description = "Write the report to this file (default: stdout)." };
        var analyzers = new Option<string?>("--analyzers") { Description = $"Worker analyzers, comma separated, e.g. bandit,taint (default: every one the worker has; '{AnalyzeRunner.NoWorkerAnalyzers}' for external tools only)." };
        var external = new Option<string[]>("--external") { Description = "A SARIF-producing tool as NAME=COMMAND with {file} or {dir} (and optionally {sarif}); repeatable." };
        var externalTimeout = new Option<int>("--external-timeout") { Description = "Seconds an external tool may take per file.", DefaultValueFactory = _ => 120 };
        var workers = new Option<int>("--workers") { Description = "Files analysed in parallel (persistent Python workers).", DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount) };
        var minimumSeverity = new Option<string>("--min-severity") { Description = "Lowest finding severity that makes a file Vulnerable: low, medium or high.", DefaultValueFactory = _ => "medium" };

        var command = new Command("analyze", "Analyse Python files for security weaknesses (Bandit, taint analysis, external SARIF tools).")
        {
            paths, format, output, analyzers, external, externalTimeout, workers, minimumSeverity,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var formatText = parse.GetValue(format)!;
            if (!Enum.TryParse<ReportFormat>(formatText, ignoreCase: true, out var reportFormat) || !Enum.IsDefined(reportFormat) || formatText.All(char.IsDigit))
            {
                return CliError.Report($"unknown --format '{formatText}' (known: text, json, sarif)");
            }

            var severityText = parse.GetValue(minimumSeverity)!;
            if (!Enum.TryParse<Severity>(severityText, ignoreCase: true, out var severity) || !Enum.IsDefined(severity) || severityText.All(char.IsDigit))
            {
                return CliError.Report($"unknown --min-severity '{severityText}' (known: low, medium, high)");
            }

            if (parse.GetValue(externalTimeout) <= 0 || parse.GetValue(workers) <= 0)
            {
                return CliError.Report("--external-timeout and --workers must be positive");
            }

            var settings = new AnalyzeSettings(
                parse.GetValue(paths)!,
                reportFormat,
                parse.GetValue(output),
                parse.GetValue(analyzers)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                parse.GetValue(external) ?? [],
                TimeSpan.FromSeconds(parse.GetValue(externalTimeout)),
                parse.GetValue(workers),
                severity);
            return await AnalyzeRunner.RunAsync(settings, Console.Out, cancellationToken);
        });
        return command;
    }
}
