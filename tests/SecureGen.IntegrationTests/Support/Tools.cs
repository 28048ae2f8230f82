using System.Diagnostics;

namespace SecureGen.IntegrationTests.Support;

/// <summary>Checks for the real tools integration tests need; a test skips, with the reason printed, only when one is truly absent.</summary>
public static class Tools
{
    private static readonly Lazy<string?> BanditProblem = new(() =>
    {
        if (!File.Exists("/usr/bin/python3"))
        {
            return "/usr/bin/python3 is not installed";
        }

        using var p = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-c", "import bandit"]) { RedirectStandardError = true, UseShellExecute = false })!;
        p.WaitForExit();
        return p.ExitCode == 0 ? null : "Debian's bandit is not installed for /usr/bin/python3 (run scripts/install-deps.sh)";
    });

    /// <summary>Debian's interpreter, which runs the analysis worker and the test fixtures' scripts.</summary>
    public const string Python = "/usr/bin/python3";

    public static void RequirePython()
    {
        if (!File.Exists(Python))
        {
            Assert.Skip($"{Python} is not installed");
        }
    }

    public static void RequireBandit()
    {
        if (BanditProblem.Value is { } problem)
        {
            Assert.Skip(problem);
        }
    }
}
