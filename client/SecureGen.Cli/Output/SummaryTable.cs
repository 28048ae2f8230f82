using SecureGen.Core.Reporting;
using Spectre.Console;

namespace SecureGen.Cli.Output;

/// <summary>The per-strategy summary printed at the end of a run: one row per strategy, side by side.</summary>
internal static class SummaryTable
{
    public static void Write(IAnsiConsole console, RunMetrics metrics, string outputDirectory)
    {
        var classification = (metrics.Classification ?? []).ToDictionary(c => c.Strategy, StringComparer.Ordinal);
        if (Console.IsOutputRedirected && console.Profile.Width < 160)
        {
            // A file or pipe has no width: a wide table beats one whose cells wrap mid-word.
            console.Profile.Width = 160;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("strategy") { NoWrap = true })
            .AddColumn(new TableColumn("sessions").RightAligned())
            .AddColumn(new TableColumn("secure").RightAligned())
            .AddColumn(new TableColumn("vulnerable").RightAligned())
            .AddColumn(new TableColumn("unknown").RightAligned())
            .AddColumn(new TableColumn("unparsable").RightAligned())
            .AddColumn(new TableColumn("infra failures").RightAligned())
            .AddColumn(new TableColumn("tokens").RightAligned());
        foreach (var s in metrics.Strategies)
        {
            if (classification.TryGetValue(s.Strategy, out var c))
            {
                // Classify answers are not code: its row shows detection accuracy instead of verdict shares.
                table.AddRow(s.Strategy, s.Sessions.ToString(), $"detect acc {c.DetectionAccuracy:P1}", $"CWE acc {c.CweAccuracy:P1}", $"macro-F1 {c.MacroF1:0.000}",
                    $"{c.Unreadable} unread", s.InfrastructureFailures.ToString(), (s.PromptTokens + s.CompletionTokens).ToString());
                continue;
            }

            table.AddRow(
                s.Strategy,
                s.Sessions.ToString(),
                $"{s.Secure} ({s.SecureRate:P1})",
                $"{s.Vulnerable} ({s.VulnerableRate:P1})",
                $"{s.Unknown} ({s.UnknownRate:P1})",
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
