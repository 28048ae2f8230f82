using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SecureGen.Core.Analysis.Sandbox;

/// <summary>
/// Builds the sandbox command line: setpriv (as root: to the run's uid, no capabilities, no
/// new privileges) then prlimit (CPU, address space, processes, file size, open files, no
/// core dumps) then bwrap (every namespace unshared, so no network; read-only /usr and a few
/// /etc entries; a read-only root and /dev; private size-limited memory-backed /tmp, /dev/shm
/// and working folder; the job's files bound read-only into it) then Debian's python running the harness.
/// </summary>
internal static class SandboxCommand
{
    public const string WorkDirectory = "/work";

    /// <summary>Sub-folder of a job folder for the harness and the account files; test file names cannot reach it.</summary>
    public const string SupportFolder = "_sandbox";
    private const string HarnessInside = "/sandbox/harness.py";
    internal const long SharedMemoryBytes = 16L << 20;
    internal static readonly string[] RootLinks = ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];

    public static ProcessStartInfo Build(SandboxOptions options, SandboxLimits limits, SandboxHost host, int uid, string jobDirectory, IReadOnlyList<string> testFiles, IReadOnlyList<string> supportFiles, TestFramework framework)
    {
        var args = new List<string>();
        string program;
        if (host.DropsPrivileges)
        {
            program = options.SetprivPath;
            args.AddRange([$"--reuid={uid}", $"--regid={uid}", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--", options.PrlimitPath]);
        }
        else
        {
            program = options.PrlimitPath;
        }

        args.AddRange([
            $"--cpu={(long)Math.Ceiling(limits.EffectiveCpuTime.TotalSeconds)}",
            $"--as={limits.MemoryBytes}",
            $"--nproc={limits.MaxProcesses}",
            $"--fsize={limits.MaxFileSizeBytes}",
            $"--nofile={limits.MaxOpenFiles}",
            "--core=0",
            "--",
            options.BwrapPath,
            "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--as-pid-1", "--new-session",
            "--hostname", "sandbox",
            "--ro-bind", "/usr", "/usr",
        ]);

        foreach (var link in RootLinks)
        {
            var info = new DirectoryInfo(link);
            if (info.LinkTarget is { } target)
            {
                args.AddRange(["--symlink", target, link]);
            }
            else if (info.Exists)
            {
                args.AddRange(["--ro-bind", link, link]);
            }
        }

        foreach (var entry in options.EtcEntries)
        {
            args.AddRange(["--ro-bind-try", entry, entry]);
        }

        var scratch = limits.ScratchBytes.ToString(CultureInfo.InvariantCulture);
        args.AddRange([
            "--ro-bind", Path.Combine(jobDirectory, SupportFolder, "passwd"), "/etc/passwd",
            "--ro-bind", Path.Combine(jobDirectory, SupportFolder, "group"), "/etc/group",
            "--proc", "/proc",
            "--dev", "/dev",
            "--size", scratch, "--tmpfs", "/tmp",
            "--size", scratch, "--tmpfs", WorkDirectory,
            "--ro-bind", Path.Combine(jobDirectory, SupportFolder, SandboxHarnessLocator.ScriptName), HarnessInside,
            "--ro-bind", Path.Combine(jobDirectory, SandboxJob.CandidateFileName), $"{WorkDirectory}/{SandboxJob.CandidateFileName}",
        ]);
        foreach (var name in testFiles.Concat(supportFiles))
        {
            args.AddRange(["--ro-bind", Path.Combine(jobDirectory, name), $"{WorkDirectory}/{name}"]);
        }

        // bwrap builds / and /dev as tmpfs the sandbox could write (and fill memory through);
        // shared memory gets its own small tmpfs, then both are made read-only.
        args.AddRange([
            "--size", Math.Min(limits.ScratchBytes, SharedMemoryBytes).ToString(CultureInfo.InvariantCulture), "--tmpfs", "/dev/shm",
            "--remount-ro", "/dev",
            "--remount-ro", "/",
        ]);

        args.AddRange([
            "--chdir", WorkDirectory,
            "--clearenv",
            "--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin",
            "--setenv", "HOME", "/tmp",
            "--setenv", "TMPDIR", "/tmp",
            "--setenv", "LANG", "C.UTF-8",
            "--setenv", "USER", "sandbox",
            "--setenv", "LOGNAME", "sandbox",
            "--setenv", "PYTHONDONTWRITEBYTECODE", "1",
            "--",
            options.PythonPath, "-I", "-B", HarnessInside,
            "--framework", framework == TestFramework.Pytest ? "pytest" : "unittest",
            "--deadline", limits.WallClock.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
            "--capture-limit", limits.OutputBytes.ToString(CultureInfo.InvariantCulture),
            "--",
        ]);
        args.AddRange(testFiles);

        var startInfo = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
            WorkingDirectory = "/",
        };
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        return startInfo;
    }
}
