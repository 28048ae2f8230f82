using Microsoft.Playwright;

namespace SecureGen.BrowserTests;

/// <summary>Debian's Chromium under Playwright, as every browser test starts it (no browser download), and where screenshots go.</summary>
internal static class HeadlessChromium
{
    public const string Path = "/usr/bin/chromium";

    public static void RequireInstalled()
    {
        if (!File.Exists(Path))
        {
            Assert.Skip($"{Path} is not installed (scripts/install-deps.sh --test installs it)");
        }
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            // Without the networking flags Chromium reaches for Google's hosts, which this machine's closed network refuses.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });

    /// <summary>TestResults/ at the repository root (kept by CI), else the test's own folder.</summary>
    public static string ResultsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SecureGenCluster.sln")))
            {
                return Directory.CreateDirectory(System.IO.Path.Combine(dir.FullName, "TestResults")).FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
