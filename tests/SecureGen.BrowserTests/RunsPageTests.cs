using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace SecureGen.BrowserTests;

/// <summary>The operators' runs page and the Orleans dashboard of a real `securegen serve` process, in Chromium, during a run.</summary>
public sealed class RunsPageTests : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly string[] Baseline = ["baseline"];
    private readonly string _data = Directory.CreateTempSubdirectory("sg-runs-page-").FullName;
    private Process? _serve;

    public async ValueTask DisposeAsync()
    {
        if (_serve is { HasExited: false })
        {
            _serve.Kill(entireProcessTree: true);
            await _serve.WaitForExitAsync();
        }

        _serve?.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task The_runs_page_shows_a_runs_progress_changing_and_the_dashboard_is_beside_it()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip($"{Chromium} is not installed (scripts/install-deps.sh --test installs it)");
        }

        var ct = TestContext.Current.CancellationToken;
        var key = await AddOperatorAsync(ct);
        var address = await StartServeAsync(ct);
        using var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var submitted = await http.PostAsJsonAsync("/api/runs", new { strategies = Baseline, samples = 3, limit = 4, max_in_flight = 1 }, ct);
        var runId = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("run_id").GetString()!;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1300, Height = 900 } });
        var foreign = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(address.ToString().TrimEnd('/'), StringComparison.Ordinal))
            {
                foreign.Add(request.Url);
            }
        };

        // ?key= once: the page keeps it in a cookie and drops it from the address.
        await page.GotoAsync(new Uri(address, $"/runs?key={Uri.EscapeDataString(key)}").ToString());
        Assert.DoesNotContain("key=", page.Url, StringComparison.Ordinal);
        var row = page.Locator($"tr[data-run='{runId}']");
        var first = await row.Locator(".count").InnerTextAsync();
        string now;
        var watch = Stopwatch.StartNew();
        do
        {
            await page.WaitForTimeoutAsync(500);
            now = await row.Locator(".count").InnerTextAsync();
        }
        while (now == first && watch.Elapsed < TimeSpan.FromSeconds(90));

        Assert.NotEqual(first, now);
        Assert.EndsWith("/12", now, StringComparison.Ordinal);
        Assert.Contains("session,candidate,analyzer,scorer,api", await page.Locator("#silos").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("/dashboard", await page.Locator("nav a").First.GetAttributeAsync("href"));
        var results = ResultsFolder();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(results, "runs-page-screenshot.png"), FullPage = true });
        Assert.Empty(foreign);

        var dashboard = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1300, Height = 900 } });
        var response = await dashboard.GotoAsync(new Uri(address, "/dashboard").ToString());
        Assert.True(response is { Ok: true }, $"dashboard answered {response?.Status}");
        await dashboard.WaitForTimeoutAsync(2000);
        await dashboard.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(results, "dashboard-screenshot.png"), FullPage = true });
        Assert.True(new FileInfo(Path.Combine(results, "runs-page-screenshot.png")).Length > 10_000);
    }

    private async Task<string> AddOperatorAsync(CancellationToken ct)
    {
        using var process = Process.Start(Info("tenants", "add", "ops", "--operator", "--data", _data))!;
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync(ct));
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }

    private async Task<Uri> StartServeAsync(CancellationToken ct)
    {
        _serve = Process.Start(Info("serve", "--data", _data, "--port", "0", "--analysis-workers", "1", "--simulator-latency-ms", "400"))!;
        _ = _serve.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        while (await _serve.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("serve ready:", StringComparison.Ordinal))
            {
                _ = _serve.StandardOutput.ReadToEndAsync(ct);
                return new Uri(line.Split(' ').First(p => p.StartsWith("http=", StringComparison.Ordinal))["http=".Length..]);
            }
        }

        throw new InvalidOperationException("serve exited before it was ready");
    }

    private static ProcessStartInfo Info(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = AppContext.BaseDirectory };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "securegen.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    private static string ResultsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SecureGenCluster.sln")))
            {
                return Directory.CreateDirectory(Path.Combine(dir.FullName, "TestResults")).FullName;
            }
        }

        return Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults")).FullName;
    }
}
