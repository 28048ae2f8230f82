using System.Text;
using SecureGen.Core.Analysis.Sandbox;

namespace SecureGen.IntegrationTests.Sandbox;

/// <summary>The real sandbox runner shared by the sandbox tests, and small helpers to build jobs and read results.</summary>
internal static class Sandboxes
{
    public const string ProbeFile = "test_probe.py";

    private static readonly Lazy<string?> MissingTool = new(() =>
    {
        if (!File.Exists("/usr/bin/bwrap"))
        {
            return "bubblewrap (/usr/bin/bwrap) is not installed; run scripts/install-deps.sh";
        }

        if (Environment.IsPrivilegedProcess && !File.Exists("/usr/bin/setpriv"))
        {
            return "setpriv (/usr/bin/setpriv) is not installed, and as root the sandbox needs it";
        }

        return File.Exists("/usr/bin/python3") ? null : "/usr/bin/python3 is not installed";
    });

    public static BubblewrapSandboxRunner Runner { get; } = new(new SandboxOptions());

    /// <summary>Skips the calling test, with the reason, only when a sandbox tool is truly absent.</summary>
    public static void Require()
    {
        if (MissingTool.Value is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    public static SandboxJob Job(string candidate, string tests, TestFramework framework = TestFramework.Unittest, SandboxLimits? limits = null) =>
        new(candidate, new Dictionary<string, string> { [ProbeFile] = tests }, framework, limits);

    public static Task<SandboxResult> RunAsync(string candidate, string tests, SandboxLimits? limits = null) =>
        Runner.RunTestsAsync(Job(candidate, tests, limits: limits), TestContext.Current.CancellationToken);

    public static SandboxTestResult Outcome(SandboxResult result, string id) =>
        result.Tests.SingleOrDefault(t => t.Id == id) ?? throw new InvalidOperationException($"no test '{id}' in: {Describe(result)}");

    /// <summary>Everything about a result, for assertion messages.</summary>
    public static string Describe(SandboxResult result)
    {
        var text = new StringBuilder($"status {result.Status} in {result.Duration.TotalMilliseconds:0} ms: {result.Message}\n");
        foreach (var test in result.Tests)
        {
            text.Append($"  {test.Id}: {test.Outcome} {Tail(test.Message)}\n");
        }

        return text.Append($"stdout: {Tail(result.Stdout)}\nstderr: {Tail(result.Stderr)}").ToString();
    }

    /// <summary>Host processes whose real uid is <paramref name="uid"/> (sandbox processes show their host uid there).</summary>
    public static IReadOnlyList<int> ProcessesOf(int uid) => [.. ProcessUids().Where(p => p.Uid == uid).Select(p => p.Pid)];

    /// <summary>Uids of this test process's descendants: the sandboxes it is running now.</summary>
    public static IReadOnlyList<int> UidsOfOwnDescendants()
    {
        var processes = ProcessUids().ToDictionary(p => p.Pid);
        bool Descends(int pid)
        {
            for (var hops = 0; hops < 64 && processes.TryGetValue(pid, out var p); hops++)
            {
                if (p.Parent == Environment.ProcessId)
                {
                    return true;
                }

                pid = p.Parent;
            }

            return false;
        }

        return [.. processes.Values.Where(p => Descends(p.Pid)).Select(p => p.Uid).Distinct()];
    }

    /// <summary>Real uid and parent of all host processes, read from /proc.</summary>
    public static IReadOnlyList<(int Pid, int Uid, int Parent)> ProcessUids()
    {
        var found = new List<(int, int, int)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var lines = File.ReadLines(Path.Combine(dir, "status")).ToList();
                var uid = lines.FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
                var parent = lines.FirstOrDefault(l => l.StartsWith("PPid:", StringComparison.Ordinal));
                if (uid is not null && parent is not null)
                {
                    found.Add((pid, Field(uid), Field(parent)));
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return found;
    }

    private static int Field(string line) => int.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1]);

    private static string Tail(string text) => text.Length <= 600 ? text : "..." + text[^600..];
}
