namespace SecureGen.Core.Analysis.Sandbox;

/// <summary>
/// What a runner found on this machine, checked once: the tools, the harness, a safe work
/// root, and whether it drops from root to per-run uids (root) or runs bwrap as the
/// current user (not root; isolation then rests on unprivileged user namespaces, and bwrap
/// refusing to start ends in a sandbox failure). <see cref="Problem"/> says why no run can work.
/// </summary>
internal sealed class SandboxHost : IDisposable
{
    private SandboxHost(string? problem, bool dropsPrivileges, int ownUid, string jobsDirectory, string harnessScript, SandboxUidPool? uids)
    {
        Problem = problem;
        DropsPrivileges = dropsPrivileges;
        OwnUid = ownUid;
        JobsDirectory = jobsDirectory;
        HarnessScript = harnessScript;
        Uids = uids;
    }

    public string? Problem { get; }

    /// <summary>True when running as root: every run goes through setpriv to its own uid.</summary>
    public bool DropsPrivileges { get; }

    public int OwnUid { get; }

    public string JobsDirectory { get; }

    public string HarnessScript { get; }

    /// <summary>Empty folder each warm run mounts its own root file system on, inside its own mount namespace.</summary>
    public string NewRootDirectory => Path.Combine(Path.GetDirectoryName(JobsDirectory) ?? JobsDirectory, "root");

    /// <summary>Per-run uids; null when not root (all runs share the current uid).</summary>
    public SandboxUidPool? Uids { get; }

    public static SandboxHost Prepare(SandboxOptions options)
    {
        if (!OperatingSystem.IsLinux())
        {
            return Broken("the sandbox needs Linux (bubblewrap, setpriv, prlimit)", -1);
        }

        var root = Environment.IsPrivilegedProcess;
        var ownUid = ReadOwnUid();
        var problem = FindToolProblem(options, root);
        if (problem is not null)
        {
            return Broken(problem, ownUid);
        }

        string harness;
        try
        {
            harness = SandboxHarnessLocator.Locate(options.HarnessDirectory);
        }
        catch (FileNotFoundException e)
        {
            return Broken(e.Message, ownUid);
        }

        var workRoot = options.WorkRoot ?? (root ? "/run/securegen-sandbox" : Path.Combine(Path.GetTempPath(), $"securegen-sandbox-{ownUid}"));
        const UnixFileMode traversable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var jobs = Path.Combine(workRoot, "jobs");
        var locks = Path.Combine(workRoot, "uids");
        var newRoot = Path.Combine(workRoot, "root");
        try
        {
            foreach (var dir in new[] { workRoot, jobs, locks, newRoot })
            {
                Directory.CreateDirectory(dir, traversable);
                var info = new DirectoryInfo(dir);
                if (info.LinkTarget is not null || (info.UnixFileMode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
                {
                    return Broken($"sandbox work folder '{dir}' is a link or writable by others; remove it or set SandboxOptions.WorkRoot", ownUid);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Broken($"cannot prepare sandbox work folder '{workRoot}': {e.Message}", ownUid);
        }

        var uids = root ? new SandboxUidPool(options.FirstUid, options.LastUid, locks) : null;
        return new SandboxHost(null, root, ownUid, jobs, harness, uids);
    }

    private static string? FindToolProblem(SandboxOptions options, bool root)
    {
        if (!File.Exists(options.BwrapPath))
        {
            return $"bubblewrap is not installed at {options.BwrapPath} (run scripts/install-deps.sh)";
        }

        if (!File.Exists(options.PrlimitPath))
        {
            return $"prlimit (util-linux) is not installed at {options.PrlimitPath}";
        }

        if (!File.Exists(options.PythonPath))
        {
            return $"the sandbox interpreter {options.PythonPath} is not installed";
        }

        if (root && !File.Exists(options.SetprivPath))
        {
            return $"running as root needs setpriv at {options.SetprivPath} to drop to a sandbox uid; bwrap alone would keep real root, so nothing runs";
        }

        if (root && (options.FirstUid < 1000 || options.LastUid < options.FirstUid))
        {
            return $"sandbox uid range {options.FirstUid}-{options.LastUid} is invalid: it must be non-empty and start at 1000 or above, clear of system accounts";
        }

        return null;
    }

    private static SandboxHost Broken(string problem, int ownUid) => new(problem, false, ownUid, string.Empty, string.Empty, null);

    private static int ReadOwnUid()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("Uid:", StringComparison.Ordinal))
            {
                return int.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1]);
            }
        }

        return -1;
    }

    public void Dispose() => Uids?.Dispose();
}
