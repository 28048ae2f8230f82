using SecureGen.Core.Metrics;

namespace SecureGen.Core.Reporting;

/// <summary>The report's charts as inline SVG: no script, no external resource, readable without a browser plug-in.</summary>
public static class ReportCharts
{
    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#d62728"];
    private const string SecureColor = "#2e9d57";
    private const string VulnerableColor = "#d64541";
    private const int LabelWidth = 170;
    private const int PlotWidth = 470;

    public static string StrategyColor(int index) => Palette[index % Palette.Length];

    /// <summary>Secure and vulnerable rate per strategy, each with its bootstrap interval as a whisker.</summary>
    public static string RatesWithIntervals(IReadOnlyList<StrategyMetrics> strategies)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        const int rowHeight = 44;
        var svg = new SvgChart(LabelWidth + PlotWidth + 60, 50 + (rowHeight * Math.Max(1, strategies.Count)) + 30, "Secure and vulnerable rate per strategy with 95% intervals");
        Axis(svg, 30, 30 + (rowHeight * Math.Max(1, strategies.Count)), 1.0, isPercent: true);
        svg.Rect(LabelWidth, 8, 12, 12, SecureColor).Text(LabelWidth + 16, 18, "secure rate")
            .Rect(LabelWidth + 110, 8, 12, 12, VulnerableColor).Text(LabelWidth + 126, 18, "vulnerable rate")
            .Text(LabelWidth + 250, 18, "whiskers: 95% bootstrap interval", size: 11, fill: "#555");
        for (var i = 0; i < strategies.Count; i++)
        {
            var s = strategies[i];
            var top = 32 + (i * rowHeight);
            svg.Text(LabelWidth - 8, top + 20, s.Strategy, anchor: "end", weight: "bold");
            Bar(svg, top + 2, s.SecureRate, s.SecureRateInterval, SecureColor, $"{s.Strategy}: secure rate {Invariant.Percent(s.SecureRate)} of n={s.Judged}");
            Bar(svg, top + 20, s.VulnerableRate, s.VulnerableRateInterval, VulnerableColor, $"{s.Strategy}: vulnerable rate {Invariant.Percent(s.VulnerableRate)} of n={s.Judged}");
        }

        return svg.ToString();
    }

    /// <summary>Vulnerable rate by CWE (rows) and strategy (columns); each cell also shows n.</summary>
    public static string CweHeatmap(IReadOnlyList<CweMetrics> rows, IReadOnlyList<string> strategies)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(strategies);
        var cwes = rows.Select(r => r.Cwe).Distinct().OrderBy(c => c ?? int.MaxValue).ToList();
        const int cellHeight = 26;
        var cellWidth = Math.Max(90, Math.Min(160, 560 / Math.Max(1, strategies.Count)));
        var svg = new SvgChart(110 + (cellWidth * Math.Max(1, strategies.Count)) + 20, 60 + (cellHeight * Math.Max(1, cwes.Count)) + 40, "Vulnerable rate per CWE and strategy");
        for (var c = 0; c < strategies.Count; c++)
        {
            svg.Text(110 + (c * cellWidth) + (cellWidth / 2.0), 40, strategies[c], anchor: "middle", weight: "bold");
        }

        svg.Text(10, 18, "cell: vulnerable rate (n); darker red = more vulnerable", size: 11, fill: "#555");
        for (var r = 0; r < cwes.Count; r++)
        {
            var y = 50 + (r * cellHeight);
            svg.Text(100, y + 17, cwes[r] is { } id ? $"CWE-{id}" : "no CWE", anchor: "end");
            for (var c = 0; c < strategies.Count; c++)
            {
                var cell = rows.FirstOrDefault(x => x.Cwe == cwes[r] && x.Strategy == strategies[c]);
                var x0 = 110 + (c * cellWidth);
                if (cell is null || cell.N == 0)
                {
                    svg.Rect(x0 + 1, y + 1, cellWidth - 2, cellHeight - 2, "#eeeeee", "no samples", "cell").Text(x0 + (cellWidth / 2.0), y + 17, "—", anchor: "middle", fill: "#777");
                    continue;
                }

                svg.Rect(x0 + 1, y + 1, cellWidth - 2, cellHeight - 2, HeatColor(cell.VulnerableRate),
                        $"{cell.Strategy}, CWE-{cell.Cwe}: vulnerable {cell.Vulnerable}/{cell.N}, secure {cell.Secure}, unknown {cell.Unknown}", "cell")
                    .Text(x0 + (cellWidth / 2.0), y + 17, $"{Invariant.Percent(cell.VulnerableRate)} ({cell.N})", anchor: "middle", fill: cell.VulnerableRate > 0.55 ? "#fff" : "#222");
            }
        }

        return svg.ToString();
    }

    /// <summary>A metric's mean over tasks against k, one line per strategy; points only where some task has n ≥ k.</summary>
    public static string AtKCurves(string title, IReadOnlyList<(string Strategy, IReadOnlyList<double?> ValuesByK)> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var maxK = Math.Max(1, series.Count == 0 ? 1 : series.Max(s => s.ValuesByK.Count));
        const int height = 250;
        const int plotTop = 30;
        const int plotBottom = 200;
        var svg = new SvgChart(LabelWidth + PlotWidth + 60, height + (18 * series.Count), title);
        svg.Text(LabelWidth, 18, title, weight: "bold");
        for (var tick = 0; tick <= 4; tick++)
        {
            var y = plotBottom - ((plotBottom - plotTop) * tick / 4.0);
            svg.Line(LabelWidth, y, LabelWidth + PlotWidth, y, "#dddddd").Text(LabelWidth - 6, y + 4, Invariant.Num(tick / 4.0, 2), anchor: "end", size: 11);
        }

        for (var k = 1; k <= maxK; k++)
        {
            var x = XForK(k, maxK);
            svg.Line(x, plotBottom, x, plotBottom + 4, "#555").Text(x, plotBottom + 17, Invariant.Int(k), anchor: "middle", size: 11);
        }

        svg.Text(LabelWidth + (PlotWidth / 2.0), plotBottom + 34, "k", anchor: "middle");
        var any = false;
        for (var i = 0; i < series.Count; i++)
        {
            var color = StrategyColor(i);
            var points = series[i].ValuesByK
                .Select((v, index) => (K: index + 1, Value: v))
                .Where(p => p.Value is not null)
                .Select(p => (X: XForK(p.K, maxK), Y: plotBottom - ((plotBottom - plotTop) * p.Value!.Value), p.K, V: p.Value!.Value))
                .ToList();
            if (points.Count > 0)
            {
                any = true;
                svg.Polyline(points.Select(p => (p.X, p.Y)), color, "curve");
                foreach (var p in points)
                {
                    svg.Circle(p.X, p.Y, 3, color, $"{series[i].Strategy} k={p.K}: {Invariant.Num(p.V)}");
                }
            }

            var legendY = height + (18 * i) - 4;
            svg.Rect(LabelWidth, legendY - 10, 12, 12, color).Text(LabelWidth + 18, legendY, points.Count > 0 ? series[i].Strategy : $"{series[i].Strategy} (not defined)");
        }

        if (!any)
        {
            svg.Text(LabelWidth + (PlotWidth / 2.0), (plotTop + plotBottom) / 2.0, "not defined for this run (no functional tests ran, or n<k)", anchor: "middle", fill: "#777");
        }

        return svg.ToString();
    }

    /// <summary>Mean session latency, mean LLM call latency and tokens per session for each strategy, plus cost where known.</summary>
    public static string CostAndLatency(IReadOnlyList<StrategyMetrics> strategies)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        const int rowHeight = 62;
        var svg = new SvgChart(LabelWidth + PlotWidth + 140, 40 + (rowHeight * Math.Max(1, strategies.Count)), "Cost and latency per strategy");
        var maxMs = Math.Max(1, strategies.Count == 0 ? 1 : strategies.Max(s => Math.Max(s.MeanSessionMs, s.P95SessionMs)));
        var maxTokens = Math.Max(1, strategies.Count == 0 ? 1 : strategies.Max(s => TokensPerSession(s)));
        svg.Rect(LabelWidth, 8, 12, 12, "#4a7ab5").Text(LabelWidth + 16, 18, "mean session ms")
            .Rect(LabelWidth + 140, 8, 12, 12, "#9cb8dc").Text(LabelWidth + 156, 18, "p95 session ms")
            .Rect(LabelWidth + 270, 8, 12, 12, "#b58a4a").Text(LabelWidth + 286, 18, "tokens per session");
        for (var i = 0; i < strategies.Count; i++)
        {
            var s = strategies[i];
            var top = 30 + (i * rowHeight);
            var cost = s.CostUsd is { } c ? $"cost ${Invariant.Num(c, 4)}" : "cost n/a";
            svg.Text(LabelWidth - 8, top + 18, s.Strategy, anchor: "end", weight: "bold").Text(LabelWidth - 8, top + 34, cost, anchor: "end", size: 11, fill: "#555");
            svg.Rect(LabelWidth, top, PlotWidth * s.MeanSessionMs / maxMs, 14, "#4a7ab5", $"{s.Strategy}: mean session {Invariant.Num(s.MeanSessionMs, 0)} ms", "bar")
                .Text(LabelWidth + (PlotWidth * s.MeanSessionMs / maxMs) + 4, top + 11, $"{Invariant.Num(s.MeanSessionMs, 0)} ms", size: 11);
            svg.Rect(LabelWidth, top + 16, PlotWidth * s.P95SessionMs / maxMs, 14, "#9cb8dc", $"{s.Strategy}: p95 session {Invariant.Num(s.P95SessionMs, 0)} ms", "bar")
                .Text(LabelWidth + (PlotWidth * s.P95SessionMs / maxMs) + 4, top + 27, $"{Invariant.Num(s.P95SessionMs, 0)} ms", size: 11);
            var tokens = TokensPerSession(s);
            svg.Rect(LabelWidth, top + 32, PlotWidth * tokens / maxTokens, 14, "#b58a4a", $"{s.Strategy}: {Invariant.Num(tokens, 0)} tokens per session", "bar")
                .Text(LabelWidth + (PlotWidth * tokens / maxTokens) + 4, top + 43, $"{Invariant.Num(tokens, 0)} tok", size: 11);
        }

        return svg.ToString();
    }

    private static double TokensPerSession(StrategyMetrics s) => s.Sessions == 0 ? 0 : (double)(s.PromptTokens + s.CompletionTokens) / s.Sessions;

    private static void Bar(SvgChart svg, double top, double value, ConfidenceInterval? interval, string color, string title)
    {
        svg.Rect(LabelWidth, top, PlotWidth * value, 16, color, title, "bar");
        if (interval is not null)
        {
            var low = LabelWidth + (PlotWidth * interval.Low);
            var high = LabelWidth + (PlotWidth * interval.High);
            svg.Line(low, top + 8, high, top + 8, "#111", 1.5).Line(low, top + 3, low, top + 13, "#111", 1.5).Line(high, top + 3, high, top + 13, "#111", 1.5);
        }

        var labelX = LabelWidth + (PlotWidth * Math.Max(value, interval?.High ?? 0)) + 6;
        svg.Text(labelX, top + 13, Invariant.Percent(value), size: 11);
    }

    private static void Axis(SvgChart svg, double top, double bottom, double max, bool isPercent)
    {
        for (var tick = 0; tick <= 4; tick++)
        {
            var x = LabelWidth + (PlotWidth * tick / 4.0);
            var value = max * tick / 4.0;
            svg.Line(x, top, x, bottom, "#e3e3e3").Text(x, bottom + 14, isPercent ? Invariant.Percent(value) : Invariant.Num(value, 0), anchor: "middle", size: 11);
        }
    }

    private static double XForK(int k, int maxK) => maxK == 1 ? LabelWidth + (PlotWidth / 2.0) : LabelWidth + (PlotWidth * (k - 1) / (double)(maxK - 1));

    private static string HeatColor(double rate)
    {
        // White (0) to deep red (1), interpolated in RGB.
        var t = Math.Clamp(rate, 0, 1);
        var r = (int)Math.Round(255 - (t * (255 - 178)));
        var g = (int)Math.Round(255 - (t * (255 - 34)));
        var b = (int)Math.Round(255 - (t * (255 - 34)));
        return $"#{r:x2}{g:x2}{b:x2}";
    }
}
