using SecureGen.Core.Reporting;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Reporting;

/// <summary>
/// report.md and metrics.csv for a fixed run must not change by accident. To accept a deliberate
/// change, run with UPDATE_SNAPSHOTS=1 and review the diff of Reporting/Snapshots.
/// </summary>
public sealed class ReportSnapshotTests
{
    [Fact]
    public void Markdown_report_matches_its_snapshot() =>
        Snapshot("report.md", MarkdownReportWriter.Write(RunMetrics.From("run-snapshot", ReportSamples.TwoStrategies()), "no SARIF writer is connected in this build; findings are in results.jsonl"));

    [Fact]
    public void Metrics_csv_matches_its_snapshot() =>
        Snapshot("metrics.csv", MetricsCsvWriter.Write(RunMetrics.From("run-snapshot", ReportSamples.TwoStrategies())));

    [Fact]
    public void Metrics_csv_rows_all_have_the_header_s_field_count()
    {
        var lines = MetricsCsvWriter.Write(RunMetrics.From("run-snapshot", ReportSamples.TwoStrategies())).TrimEnd('\n').Split('\n');
        var fields = lines[0].Split(',').Length;

        Assert.All(lines, l => Assert.Equal(fields, l.Split(',').Length));
    }

    [Fact]
    public void Html_report_is_self_contained_and_holds_every_chart()
    {
        var results = ReportSamples.TwoStrategies();
        var html = HtmlReportWriter.Write(RunMetrics.From("run-snapshot", results), results);

        foreach (var id in new[] { "chart-rates", "chart-cwe", "chart-secure-k", "chart-pass-k", "chart-vulnerable-k", "chart-cost" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains("Simulated:", html, StringComparison.Ordinal);
    }

    private static void Snapshot(string name, string actual)
    {
        var source = Path.Combine(RepositoryTests(), "SecureGen.UnitTests", "Reporting", "Snapshots", name);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(source, actual);
            return;
        }

        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reporting", "Snapshots", name));
        Assert.Equal(expected, actual);
    }

    private static string RepositoryTests()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "SecureGen.UnitTests", "Reporting")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("tests folder not found above the test binaries");
    }
}
