using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace SecureGen.BrowserTests;

/// <summary>The Orleans dashboard of the embedded silo (eval --dashboard PORT), opened in Chromium while an evaluation runs.</summary>
public sealed class DashboardPageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sg-dashboard-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task The_orleans_dashboard_shows_the_session_grains_of_a_running_evaluation()
    {
        HeadlessChromium.RequireInstalled();

        var ct = TestContext.Current.CancellationToken;
        var port = FreePort();
        // Slow model answers keep the run going while the browser looks.
        using var eval = StartEval("--dataset", "builtin", "--strategy", "baseline", "--samples", "3", "--tasks", "30", "--concurrency", "8",
            "--simulator-latency-ms", "2000", "--out", Path.Combine(_dir, "run"), "--dashboard", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            var dashboard = new Uri($"http://127.0.0.1:{port}/dashboard/");
            await WaitUntilServedAsync(dashboard, eval, ct);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await HeadlessChromium.LaunchAsync(playwright);
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
            var offSite = new List<string>();
            page.Request += (_, request) =>
            {
                if (!request.Url.StartsWith(dashboard.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal))
                {
                    offSite.Add(request.Url);
                }
            };

            await page.GotoAsync(dashboard + "#/grains");
            var sessionGrains = page.GetByText("SessionGrain").First;
            await sessionGrains.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });

            Assert.False(eval.HasExited, "the run ended before the dashboard showed its grains");
            Assert.True(await sessionGrains.IsVisibleAsync());
            Assert.Empty(offSite);
            var screenshot = Path.Combine(HeadlessChromium.ResultsFolder(), "eval-dashboard-screenshot.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
            Assert.True(new FileInfo(screenshot).Length > 10_000);
        }
        finally
        {
            if (!eval.HasExited)
            {
                eval.Kill(entireProcessTree: true);
            }

            await eval.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static Process StartEval(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "securegen.dll"));
        info.ArgumentList.Add("eval");
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment.Remove("OPENAI_BASE_URL");
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilServedAsync(Uri page, Process eval, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (eval.HasExited)
            {
                Assert.Fail($"eval exited ({eval.ExitCode}) before serving the dashboard");
            }

            try
            {
                if ((await http.GetAsync(page, cancellationToken)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250, cancellationToken);
        }

        Assert.Fail($"{page} was not served within 90 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
