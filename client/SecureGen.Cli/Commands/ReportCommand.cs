using System.CommandLine;
using SecureGen.Cli.Output;
using SecureGen.Cli.Reports;
using SecureGen.Core.Reporting;
using Spectre.Console;

namespace SecureGen.Cli.Commands;

/// <summary>`securegen report DIR`: rebuild results.jsonl, metrics.json/csv, report.md and report.html from a run's stored results.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("DIR") { Description = "A run's output folder (the --out of eval)." };
        var server = new Option<string?>("--server") { Description = "Fetch the run from a SecureGen service at this URL into DIR (with --run and --api-key)." };
        var run = new Option<string?>("--run") { Description = "With --server: the run id." };
        var apiKey = new Option<string?>("--api-key") { Description = "With --server: the tenant's key (default SECUREGEN_API_KEY)." };
        var command = new Command("report", "Rebuild a run's metrics and reports from its stored results.") { directory, server, run, apiKey };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var dir = Path.GetFullPath(parse.GetValue(directory)!);
            if (parse.GetValue(server) is { } serverUrl)
            {
                if (parse.GetValue(run) is not { Length: > 0 } runId)
                {
                    return CliError.Report("--server needs --run RUN_ID");
                }

                var (client, problem) = Serve.ServerClient.Open(serverUrl, parse.GetValue(apiKey));
                if (client is null)
                {
                    return CliError.Report(problem!);
                }

                using (client)
                {
                    return await client.ReportAsync(runId, dir, AnsiConsole.Console, cancellationToken);
                }
            }

            try
            {
                var (runId, results) = await RunDirectory.LoadAsync(dir, cancellationToken);
                if (results.Count == 0)
                {
                    return CliError.Report($"run {runId} in '{dir}' has no stored sessions yet");
                }

                var metrics = await RunOutputWriter.WriteAsync(dir, runId, results, cancellationToken);
                SummaryTable.Write(AnsiConsole.Console, metrics, dir);
                AnsiConsole.MarkupLineInterpolated($"reports: {Path.Combine(dir, RunOutputWriter.MarkdownFile)}, {Path.Combine(dir, RunOutputWriter.HtmlFile)}, {Path.Combine(dir, RunOutputWriter.MetricsCsvFile)}");
                return 0;
            }
            catch (InvalidDataException e)
            {
                return CliError.Report(e.Message);
            }
        });
        return command;
    }
}
