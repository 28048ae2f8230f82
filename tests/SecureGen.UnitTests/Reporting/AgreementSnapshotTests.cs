using System.Text.Json;
using SecureGen.Core.Reporting;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Reporting;

/// <summary>
/// The static-vs-tests sections of metrics.json, report.md and report.html for a fixed tests-judged run.
/// To accept a deliberate change, run with SECUREGEN_UPDATE_SNAPSHOTS=1 and review the diff.
/// </summary>
public sealed class AgreementSnapshotTests
{
    private const string Folder = "Reporting/Snapshots/";

    private static RunMetrics Metrics() => RunMetrics.From("run-agreement", AgreementSamples.JudgedByTests());

    [Fact]
    public void Metrics_json_carries_the_agreement_table()
    {
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(Metrics(), ResultJson.Indented));
        var section = doc.RootElement.GetProperty("static_vs_tests");
        Snapshot.Match(JsonSerializer.Serialize(section, ResultJson.Indented) + "\n", Folder + "static-vs-tests.json");
    }

    [Fact]
    public void Markdown_report_shows_the_agreement_table()
    {
        var md = MarkdownReportWriter.Write(Metrics());
        Snapshot.Match(Between(md, "## Static analysis vs tests", "\n## Definitions"), Folder + "static-vs-tests.md");
    }

    [Fact]
    public void Html_report_shows_the_agreement_table()
    {
        var results = AgreementSamples.JudgedByTests();
        var html = HtmlReportWriter.Write(RunMetrics.From("run-agreement", results), results);
        Snapshot.Match(Between(html, "<h2>Static analysis vs tests</h2>", "</section>") + "</section>\n", Folder + "static-vs-tests.html");
    }

    [Fact]
    public void A_run_without_tests_has_no_agreement_section()
    {
        var metrics = RunMetrics.From("run-snapshot", ReportSamples.TwoStrategies());
        Assert.Null(metrics.StaticVsTests);
        Assert.DoesNotContain("static_vs_tests", JsonSerializer.Serialize(metrics, ResultJson.Options), StringComparison.Ordinal);
        Assert.DoesNotContain("Static analysis vs tests", MarkdownReportWriter.Write(metrics), StringComparison.Ordinal);
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' not found");
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        Assert.True(to > from, $"'{end}' not found after '{start}'");
        return text[from..to];
    }
}
