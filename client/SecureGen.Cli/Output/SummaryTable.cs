using SecureGen.Core.Reporting;
using Spectre.Console;

namespace SecureGen.Cli.Output;

/// <summary>The per-strategy summary printed at the end of a run.</summary>
internal static class SummaryTable
{
    public static void Write(IAnsiConsole console, RunMetrics metrics, string outputDirectory)
    {
        // Fits 80 columns, the width of a non-interactive console.
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("strategy").NoWrap())
            .AddColumn(new TableColumn("n").RightAligned())
            .AddColumn(new TableColumn("secure").RightAligned())
            .AddColumn(new TableColumn("vulnerable").RightAligned())
            .AddColumn(new TableColumn("unknown").RightAligned())
            .AddColumn(new TableColumn("unparsable").RightAligned())
            .AddColumn(new TableColumn("infra").RightAligned())
            .AddColumn(new TableColumn("tokens").RightAligned());
        foreach (var s in metrics.Strategies)
        {
            table.AddRow(
                s.Strategy,
                s.Sessions.ToString(),
                $"{s.Secure} {s.SecureRate:P0}",
                $"{s.Vulnerable} {s.VulnerableRate:P0}",
                $"{s.Unknown} {s.UnknownRate:P0}",
                s.Unparsable.ToString(),
                s.InfrastructureFailures.ToString(),
                (s.PromptTokens + s.CompletionTokens).ToString());
        }

        console.Write(table);
        if (metrics.Simulated)
        {
            console.MarkupLine("[yellow]simulated:[/] answers came from the SecureGen simulator (a test double), not a model.");
        }

        console.MarkupLine($"run [bold]{Markup.Escape(metrics.RunId)}[/]: {Markup.Escape(Path.Combine(outputDirectory, RunOutputWriter.ResultsFile))}, {Markup.Escape(Path.Combine(outputDirectory, RunOutputWriter.MetricsFile))}");
    }
}
