using Microsoft.Playwright;
using SecureGen.Core.Analysis;
using SecureGen.Core.Reporting;
using SecureGen.Core.Sessions;

namespace SecureGen.BrowserTests;

public sealed class ReportPageTests : IDisposable
{
    private static readonly string[] Strategies = ["baseline", "securecoder", "fdsp"];
    private static readonly (string Task, int Cwe)[] Tasks = [("cmd_ping", 78), ("cmd_archive", 78), ("sql_lookup", 89), ("path_read", 22), ("xml_parse", 611)];

    private readonly string _dir = Directory.CreateTempSubdirectory("sg-browser-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task The_html_report_renders_every_chart_with_a_visible_size_in_chromium()
    {
        HeadlessChromium.RequireInstalled();

        var ct = TestContext.Current.CancellationToken;
        await RunOutputWriter.WriteAsync(_dir, "run-browser", Results(), ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        await page.GotoAsync(new Uri(Path.Combine(_dir, RunOutputWriter.HtmlFile)).AbsoluteUri);

        foreach (var id in new[] { "chart-rates", "chart-cwe", "chart-secure-k", "chart-pass-k", "chart-vulnerable-k", "chart-cost" })
        {
            var box = await page.Locator($"#{id} svg").BoundingBoxAsync();
            Assert.True(box is { Width: > 100, Height: > 50 }, $"{id} has no visible size: {box?.Width}x{box?.Height}");
        }

        Assert.Equal(Strategies.Length * 2, await VisibleCountAsync(page, "#chart-rates rect.bar"));
        Assert.Equal(Strategies.Length * Tasks.Select(t => t.Cwe).Distinct().Count(), await VisibleCountAsync(page, "#chart-cwe rect.cell"));
        Assert.Equal(Strategies.Length, await VisibleCountAsync(page, "#chart-secure-k polyline.curve"));
        Assert.Equal(Strategies.Length, await VisibleCountAsync(page, "#chart-pass-k polyline.curve"));
        Assert.Equal(Strategies.Length * 3, await VisibleCountAsync(page, "#chart-cost rect.bar"));
        Assert.Single(requests);

        var screenshot = Path.Combine(HeadlessChromium.ResultsFolder(), "report-screenshot.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
    }

    private static async Task<int> VisibleCountAsync(IPage page, string selector)
    {
        var count = 0;
        foreach (var element in await page.Locator(selector).AllAsync())
        {
            if (await element.BoundingBoxAsync() is { Width: > 0, Height: > 0 })
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Three strategies of different quality over five tasks, eight samples each, with functional test outcomes.</summary>
    private static List<SessionResult> Results()
    {
        var results = new List<SessionResult>();
        for (var s = 0; s < Strategies.Length; s++)
        {
            for (var t = 0; t < Tasks.Length; t++)
            {
                for (var i = 0; i < 8; i++)
                {
                    var vulnerable = ((i * 7) + (t * 3)) % 10 < 6 - (2 * s);
                    var verdict = i == 7 && s == 0 ? Verdict.Unknown : vulnerable ? Verdict.Vulnerable : Verdict.Secure;
                    var (task, cwe) = Tasks[t];
                    results.Add(new SessionResult(
                        "run-browser", SessionIds.For("run-browser", task, Strategies[s], i), task, "builtin", cwe, Strategies[s], i, "m", true,
                        $"def f():\n    return {i + (10 * s)}\n", verdict, "tests", [], [], false, CandidateScore.Unscored("none"), [],
                        [new LlmCall("sample", "m", 300 * (s + 1), 120 * (s + 1), 500 + (300 * s), true)], [], null, DateTimeOffset.UnixEpoch,
                        800 + (900 * s) + (40 * i), FunctionalTestsPassed: (i + t + s) % 4 != 0));
                }
            }
        }

        return results;
    }
}
