using System.Globalization;

namespace SecureGen.Bench.Eval;

/// <summary>
/// cgroup (v1 cpuacct) accounting for one eval run: the CLI starts in "cli"; a poller moves the analysis
/// workers and the sandbox fork server into groups of their own as soon as they appear, and every run the
/// server forks stays in its group. The kernel counts every process of a group, orphans and kernel time
/// included, so the split does not depend on who reaped whom. A process's CPU before it is moved (at most
/// one poll interval) stays in "cli".
/// </summary>
internal sealed class CpuGroups : IDisposable
{
    public const string Cli = "cli";
    public const string Analysis = "analysis";
    public const string Sandbox = "sandbox";
    private const string Controller = "/sys/fs/cgroup/cpuacct";
    private readonly string _root;

    private CpuGroups(string root) => _root = root;

    public static CpuGroups? TryCreate(string name)
    {
        if (!Directory.Exists(Controller))
        {
            return null;
        }

        try
        {
            var root = Path.Combine(Controller, name);
            foreach (var group in new[] { Cli, Analysis, Sandbox })
            {
                Directory.CreateDirectory(Path.Combine(root, group));
            }

            return new CpuGroups(root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public string ProcsFile(string group) => Path.Combine(_root, group, "cgroup.procs");

    /// <summary>CPU seconds used in a group so far.</summary>
    public double Seconds(string group) =>
        long.Parse(File.ReadAllText(Path.Combine(_root, group, "cpuacct.usage")).Trim(), CultureInfo.InvariantCulture) / 1e9;

    /// <summary>Moves analysis workers and the sandbox server among the CLI's processes into their groups.</summary>
    public void Sort()
    {
        foreach (var pid in File.ReadAllLines(ProcsFile(Cli)))
        {
            string command;
            try
            {
                command = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;
            }

            var group = command.Contains("analysis_worker.py", StringComparison.Ordinal) ? Analysis
                : command.Contains("harness.py", StringComparison.Ordinal) || command.Contains("bwrap", StringComparison.Ordinal) || command.Contains("setpriv", StringComparison.Ordinal) ? Sandbox
                : null;
            if (group is not null)
            {
                try
                {
                    File.WriteAllText(ProcsFile(group), pid);
                }
                catch (IOException)
                {
                    // It ended meanwhile.
                }
            }
        }
    }

    public void Dispose()
    {
        foreach (var group in new[] { Cli, Analysis, Sandbox })
        {
            try
            {
                Directory.Delete(Path.Combine(_root, group));
            }
            catch (IOException)
            {
                // Still has a process; the kernel keeps it until that exits.
            }
        }

        try
        {
            Directory.Delete(_root);
        }
        catch (IOException)
        {
            // As above.
        }
    }
}
