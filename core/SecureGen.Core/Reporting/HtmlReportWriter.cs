using System.Net;
using System.Text;
using SecureGen.Core.Metrics;
using SecureGen.Core.Sessions;

namespace SecureGen.Core.Reporting;

/// <summary>report.html: one self-contained page (inline CSS and SVG, no script, nothing fetched) with the run's charts and tables.</summary>
public static class HtmlReportWriter
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:24px auto;max-width:1100px;color:#222;line-height:1.4}
        h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ddd;padding-bottom:4px}
        .banner{background:#fff4d6;border:1px solid #e0b84c;padding:8px 12px;border-radius:4px}
        table{border-collapse:collapse;font-size:13px;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 8px}
        th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums}
        figure{margin:12px 0}figcaption{font-size:13px;color:#555}
        .charts{display:flex;flex-wrap:wrap;gap:16px}
        """;

    public static string Write(RunMetrics metrics, IReadOnlyList<SessionResult> results, string? sarifNote = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(results);
        var strategies = metrics.Strategies.Select(s => s.Strategy).ToList();
        var perTask = strategies.ToDictionary(
            s => s,
            s => MetricsCalculator.PerTask(results.Where(r => r.Strategy == s)),
            StringComparer.Ordinal);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>SecureGen run ")
            .Append(E(metrics.RunId)).Append("</title><style>").Append(Style).Append("</style></head><body>");
        html.Append("<h1>SecureGen run ").Append(E(metrics.RunId)).Append("</h1>");
        if (metrics.Simulated)
        {
            html.Append("<p class=\"banner\"><strong>Simulated:</strong> answers came from the SecureGen simulator (a test double), not a model. These figures say nothing about any model.</p>");
        }

        html.Append("<p>").Append(Invariant.Int(metrics.Sessions)).Append(" sessions over ").Append(Invariant.Int(strategies.Count))
            .Append(" strategies. Rates are over judged sessions; infrastructure failures are counted apart; Unknown is never counted as secure.</p>");

        html.Append("<h2>Secure rate per strategy</h2><figure id=\"chart-rates\">").Append(ReportCharts.RatesWithIntervals(metrics.Strategies))
            .Append("<figcaption>Share of judged sessions whose final code was judged secure (green) or vulnerable (red); whiskers are 95% bootstrap intervals over tasks.</figcaption></figure>");
        html.Append("<h2>Per CWE</h2><figure id=\"chart-cwe\">").Append(ReportCharts.CweHeatmap(metrics.PerCwe, strategies))
            .Append("<figcaption>Vulnerable rate for each CWE and strategy, with the number of judged samples.</figcaption></figure>");
        html.Append("<h2>At k</h2><div class=\"charts\">");
        foreach (var (metric, name) in new[] { (AtKMetricKind.SecureAtK, "secure@k"), (AtKMetricKind.PassAtK, "pass@k"), (AtKMetricKind.VulnerableAtK, "vulnerable@k") })
        {
            var series = strategies.Select(s => (s, Curve(perTask[s], metric))).ToList();
            html.Append("<figure id=\"chart-").Append(name.Replace('@', '-')).Append("\">").Append(ReportCharts.AtKCurves($"{name} over k", series)).Append("</figure>");
        }

        html.Append("</div>");
        html.Append("<h2>Cost and latency</h2><figure id=\"chart-cost\">").Append(ReportCharts.CostAndLatency(metrics.Strategies))
            .Append("<figcaption>Mean and 95th-percentile session time, tokens per session; cost where the LLM layer reports it.</figcaption></figure>");

        html.Append("<h2>Figures</h2><table><tr><th>strategy</th><th>metric</th><th>value</th><th>95% CI</th><th>tasks</th><th>tasks n&lt;k</th><th>note</th></tr>");
        foreach (var s in metrics.Strategies)
        {
            Row(html, s.Strategy, "secure rate", s.SecureRate, s.SecureRateInterval, s.Tasks, 0, $"n={s.Judged}, unknown={s.Unknown}, unparsable={s.Unparsable}, duplicates={s.Duplicates}, infra={s.InfrastructureFailures}");
            Row(html, s.Strategy, "vulnerable rate", s.VulnerableRate, s.VulnerableRateInterval, s.Tasks, 0, null);
            foreach (var m in s.AtK)
            {
                Row(html, s.Strategy, m.Metric, m.Value, m.Interval, m.Tasks, m.TasksBelowK, m.Note);
            }
        }

        html.Append("</table>");
        if (metrics.StaticVsTests is { } agreement)
        {
            AppendAgreement(html, agreement);
        }

        if (sarifNote is not null)
        {
            html.Append("<p>SARIF: ").Append(E(sarifNote)).Append("</p>");
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>The metric's mean over tasks at k = 1 .. the largest n of any task.</summary>
    public static IReadOnlyList<double?> Curve(IReadOnlyList<TaskSamples> tasks, AtKMetricKind metric)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var maxN = tasks.Count == 0 ? 0 : tasks.Max(t => t.N);
        return [.. Enumerable.Range(1, maxN).Select(k => MetricsCalculator.MeanEstimate(tasks, metric, k))];
    }

    private static void AppendAgreement(StringBuilder html, StaticTestAgreement agreement)
    {
        html.Append("<h2>Static analysis vs tests</h2><section id=\"static-vs-tests\">")
            .Append("<p>Sessions the security tests judged (all strategies): the analyzers' verdict on the same final code against the tests' verdict, ")
            .Append("to show how far static-only verdicts can be trusted on data without tests. Evidence confidence rows: static Vulnerable verdicts below that confidence counted as Secure. Per analyzer: its own medium or higher findings alone.</p>")
            .Append("<table><tr><th>static \\ tests</th>");
        foreach (var t in AgreementMatrix.Order)
        {
            html.Append("<th>").Append(t.ToString()).Append("</th>");
        }

        html.Append("</tr>");
        foreach (var s in AgreementMatrix.Order)
        {
            html.Append("<tr><th>").Append(s.ToString()).Append("</th>");
            foreach (var t in AgreementMatrix.Order)
            {
                html.Append("<td class=\"num\">").Append(Invariant.Int(agreement.Overall.Count(s, t))).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table><table><tr><th>scope</th><th>sessions</th><th>agreement</th><th>precision</th><th>recall</th><th>false alarms</th></tr>");
        foreach (var m in new[] { agreement.Overall }.Concat(agreement.PerConfidence).Concat(agreement.PerAnalyzer).Concat(agreement.PerCwe))
        {
            html.Append("<tr><td>").Append(E(m.Scope)).Append("</td><td class=\"num\">").Append(Invariant.Int(m.Sessions)).Append("</td>");
            foreach (var v in new[] { m.Agreement, m.Precision, m.Recall, m.FalseAlarmRate })
            {
                html.Append("<td class=\"num\">").Append(v is { } x ? Invariant.Percent(x) : "—").Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table></section>");
    }

    private static void Row(StringBuilder html, string strategy, string metric, double? value, ConfidenceInterval? interval, int tasks, int belowK, string? note) =>
        html.Append("<tr><td>").Append(E(strategy)).Append("</td><td>").Append(E(metric))
            .Append("</td><td class=\"num\">").Append(value is { } v ? Invariant.Num(v) : "—")
            .Append("</td><td class=\"num\">").Append(interval is null ? string.Empty : $"{Invariant.Num(interval.Low)} – {Invariant.Num(interval.High)}")
            .Append("</td><td class=\"num\">").Append(Invariant.Int(tasks))
            .Append("</td><td class=\"num\">").Append(Invariant.Int(belowK))
            .Append("</td><td>").Append(E(note ?? string.Empty)).Append("</td></tr>");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
