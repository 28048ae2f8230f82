using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureGen.Core.Telemetry;

namespace SecureGen.Core.Analysis.Sandbox;

/// <summary>
/// Runs tests against untrusted candidates with bubblewrap + setpriv + prlimit (see
/// <see cref="SandboxCommand"/>) and the harness in worker/sandbox. Each concurrent run has
/// its own uid and job folder; the wall-clock limit is enforced inside by the harness and,
/// as a backstop, here by killing the whole process tree. As root on x86-64 (and unless
/// <see cref="SandboxOptions.Warm"/> is off) runs fork from a <see cref="SandboxForkServer"/> instead of
/// starting a fresh interpreter: same isolation, without the interpreter start and framework import per run.
/// Thread-safe.
/// </summary>
public sealed partial class BubblewrapSandboxRunner : ISandboxRunner, IDisposable
{
    private const int ReportCapChars = 8 << 20;
    private const int DiagnosticsCapChars = 8 << 10;
    private readonly SandboxOptions _options;
    private readonly ILogger _logger;
    private readonly Lazy<SandboxHost> _host;
    private readonly ConcurrentDictionary<TestFramework, SandboxForkServer> _servers = new();

    public BubblewrapSandboxRunner(SandboxOptions options, ILogger<BubblewrapSandboxRunner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _host = new Lazy<SandboxHost>(() => SandboxHost.Prepare(options));
    }

    /// <summary>Why no run can work on this machine (a missing tool, an unsafe work folder), or null.</summary>
    public string? Problem => _host.Value.Problem;

    public async Task<SandboxResult> RunTestsAsync(SandboxJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        using var activity = SecureGenTelemetry.Source.StartActivity(SecureGenTelemetry.SandboxSpan);
        var result = await RunTestsCoreAsync(job, cancellationToken);
        var status = result.Status.ToString().ToLowerInvariant();
        activity?.SetTag("securegen.sandbox.status", status);
        activity?.SetTag("securegen.sandbox.tests", result.Tests.Count);
        SecureGenMeters.SandboxDuration.Record(result.Duration.TotalMilliseconds, new KeyValuePair<string, object?>("status", status));
        return result;
    }

    private async Task<SandboxResult> RunTestsCoreAsync(SandboxJob job, CancellationToken cancellationToken)
    {
        job.Validate();
        var limits = job.Limits ?? _options.Limits;
        limits.Validate();
        var clock = Stopwatch.StartNew();
        var host = _host.Value;
        if (!OperatingSystem.IsLinux() || host.Problem is not null)
        {
            var problem = host.Problem ?? "the sandbox needs Linux";
            LogSandboxFailure(problem);
            return SandboxResult.SandboxFailure(problem, clock.Elapsed);
        }

        using var lease = host.Uids is null ? null : await host.Uids.AcquireAsync(cancellationToken);
        if (host.Uids is not null && lease is null)
        {
            var message = $"every sandbox uid in {_options.FirstUid}-{_options.LastUid} is held by another process";
            LogSandboxFailure(message);
            return SandboxResult.SandboxFailure(message, clock.Elapsed);
        }

        var uid = lease?.Uid ?? host.OwnUid;
        var jobDirectory = Path.Combine(host.JobsDirectory, RandomNumberGenerator.GetHexString(32, lowercase: true));
        try
        {
            var testFiles = job.TestFiles.Keys.Order(StringComparer.Ordinal).ToList();
            var supportFiles = (job.SupportFiles ?? new Dictionary<string, string>()).Keys.Order(StringComparer.Ordinal).ToList();
            var warm = IsWarm(host);
            WriteJob(jobDirectory, job, host, uid, warm ? WarmJob.Describe(_options, limits, uid, job.Framework, testFiles, supportFiles) : null);
            var result = warm
                ? await RunWarmAsync(jobDirectory, job.Framework, limits, clock, cancellationToken)
                : await RunAsync(SandboxCommand.Build(_options, limits, host, uid, jobDirectory, testFiles, supportFiles, job.Framework), limits, clock, cancellationToken);
            LogRun(uid, result.Status, result.Tests.Count, (long)result.Duration.TotalMilliseconds);
            if (result.Status == SandboxRunStatus.SandboxFailure)
            {
                LogSandboxFailure(result.Message);
            }

            return result;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var message = $"could not prepare the sandbox job folder: {e.Message}";
            LogSandboxFailure(message);
            return SandboxResult.SandboxFailure(message, clock.Elapsed);
        }
        finally
        {
            TryDelete(jobDirectory);
        }
    }

    private bool IsWarm(SandboxHost host) =>
        _options.Warm && host.DropsPrivileges && RuntimeInformation.OSArchitecture == Architecture.X64 && !host.JobsDirectory.Any(char.IsWhiteSpace);

    private async Task<SandboxResult> RunWarmAsync(string jobDirectory, TestFramework framework, SandboxLimits limits, Stopwatch clock, CancellationToken cancellationToken)
    {
        var host = _host.Value;
        var server = _servers.GetOrAdd(framework, f => new SandboxForkServer(_options, host.HarnessScript, host.NewRootDirectory, f));
        int? code;
        try
        {
            code = await server.RunAsync(jobDirectory, limits.WallClock + _options.KillGrace, cancellationToken);
        }
        catch (SandboxServerException e)
        {
            return SandboxResult.SandboxFailure(e.Message, clock.Elapsed);
        }

        var duration = clock.Elapsed;
        if (code is null)
        {
            return new SandboxResult(SandboxRunStatus.TimedOut, [], duration, string.Empty, string.Empty,
                $"the sandbox did not report within the wall-clock limit of {limits.WallClock.TotalSeconds:0.###} s plus {_options.KillGrace.TotalSeconds:0.###} s grace and was killed");
        }

        var result = HarnessReportReader.Read(ReadReport(jobDirectory), null, duration, out var problem);
        if (code != 0)
        {
            // A setup failure reports itself; any other early end of PID 1 is the sandbox's failure too.
            return result is { Status: SandboxRunStatus.SandboxFailure }
                ? result
                : SandboxResult.SandboxFailure($"the sandbox exited with code {code}{(result is null ? $": {problem}" : string.Empty)}", duration);
        }

        return result ?? SandboxResult.SandboxFailure(problem, duration);
    }

    private static string ReadReport(string jobDirectory)
    {
        var path = Path.Combine(jobDirectory, SandboxCommand.SupportFolder, WarmJob.ReportFileName);
        if (!File.Exists(path))
        {
            return string.Empty;
        }

        using var reader = new StreamReader(path, new UTF8Encoding(false));
        var buffer = new char[ReportCapChars];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        return new string(buffer, 0, read);
    }

    [SupportedOSPlatform("linux")]
    private static void WriteJob(string jobDirectory, SandboxJob job, SandboxHost host, int uid, string? warmJob)
    {
        // World-readable so bwrap, already running as the sandbox uid, can bind the files; they are
        // bound read-only, and nothing inside the sandbox can see the host folder itself.
        const UnixFileMode directoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        const UnixFileMode fileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        Directory.CreateDirectory(jobDirectory, directoryMode);
        Directory.CreateDirectory(Path.Combine(jobDirectory, SandboxCommand.SupportFolder), directoryMode);
        var files = new Dictionary<string, string>(job.TestFiles.Concat(job.SupportFiles ?? new Dictionary<string, string>()), StringComparer.Ordinal)
        {
            [SandboxJob.CandidateFileName] = job.CandidateCode,
            [Path.Combine(SandboxCommand.SupportFolder, "passwd")] = $"sandbox:x:{uid}:{uid}:sandbox:/tmp:/usr/sbin/nologin\n",
            [Path.Combine(SandboxCommand.SupportFolder, "group")] = $"sandbox:x:{uid}:\n",
        };

        // A cold run binds the harness from here; a warm one has it loaded already and reads its job.json.
        files[Path.Combine(SandboxCommand.SupportFolder, warmJob is null ? SandboxHarnessLocator.ScriptName : WarmJob.FileName)] =
            warmJob ?? File.ReadAllText(host.HarnessScript);
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(jobDirectory, name);
            using var stream = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = fileMode });
            stream.Write(new UTF8Encoding(false).GetBytes(content));
        }
    }

    private async Task<SandboxResult> RunAsync(ProcessStartInfo startInfo, SandboxLimits limits, Stopwatch clock, CancellationToken cancellationToken)
    {
        Process process;
        try
        {
            process = await SandboxProcessLauncher.StartAsync(startInfo);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return SandboxResult.SandboxFailure($"could not start the sandbox ({startInfo.FileName}): {e.Message}", clock.Elapsed);
        }

        using (process)
        {
            var stdout = ReadCappedAsync(process.StandardOutput, ReportCapChars);
            var stderr = ReadCappedAsync(process.StandardError, DiagnosticsCapChars);
            var nonce = RandomNumberGenerator.GetHexString(32, lowercase: true);
            try
            {
                await process.StandardInput.WriteAsync($"{nonce}\n".AsMemory(), cancellationToken);
                await process.StandardInput.FlushAsync(cancellationToken);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The sandbox died before reading its nonce; its stderr says why.
            }

            using var backstop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            backstop.CancelAfter(limits.WallClock + _options.KillGrace);
            try
            {
                await process.WaitForExitAsync(backstop.Token);
            }
            catch (OperationCanceledException)
            {
                await KillAsync(process);
                cancellationToken.ThrowIfCancellationRequested();
                var tail = await TextOrEmptyAsync(stderr);
                return new SandboxResult(SandboxRunStatus.TimedOut, [], clock.Elapsed, string.Empty, tail,
                    $"the sandbox did not report within the wall-clock limit of {limits.WallClock.TotalSeconds:0.###} s plus {_options.KillGrace.TotalSeconds:0.###} s grace and was killed");
            }

            var duration = clock.Elapsed;
            var report = await TextOrEmptyAsync(stdout);
            var diagnostics = await TextOrEmptyAsync(stderr);
            if (process.ExitCode != 0)
            {
                return SandboxResult.SandboxFailure($"the sandbox exited with code {process.ExitCode}: {FirstLines(diagnostics)}", duration, diagnostics);
            }

            return HarnessReportReader.Read(report, nonce, duration, out var problem)
                ?? SandboxResult.SandboxFailure($"{problem}: {FirstLines(diagnostics)}", duration, diagnostics);
        }
    }

    private static async Task KillAsync(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            // The kill is in flight; the pid namespace dies with its first process.
        }
    }

    /// <summary>Reads a stream to its end, keeping at most <paramref name="cap"/> characters, so a flood cannot exhaust memory.</summary>
    private static async Task<string> ReadCappedAsync(StreamReader reader, int cap)
    {
        var kept = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            kept.Append(buffer, 0, Math.Min(read, Math.Max(0, cap - kept.Length)));
        }

        return kept.ToString();
    }

    private static async Task<string> TextOrEmptyAsync(Task<string> reading)
    {
        // Pipes close when the sandbox's last process is gone; a stuck reader must not hold the run.
        var finished = await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(5)));
        return finished == reading ? await reading : string.Empty;
    }

    private static string FirstLines(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return "no diagnostics on stderr";
        }

        return trimmed.Length <= 500 ? trimmed : trimmed[..500] + "...";
    }

    private void TryDelete(string jobDirectory)
    {
        try
        {
            if (Directory.Exists(jobDirectory))
            {
                Directory.Delete(jobDirectory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogCleanupFailed(jobDirectory, e.Message);
        }
    }

    /// <summary>This runner's running fork servers, one per test framework in use.</summary>
    internal IReadOnlyList<int> ServerProcessIds => [.. _servers.Values.Select(s => s.ProcessId).OfType<int>()];

    public void Dispose()
    {
        foreach (var server in _servers.Values)
        {
            server.Dispose();
        }

        if (_host.IsValueCreated)
        {
            _host.Value.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sandbox run as uid {Uid}: {Status}, {Tests} tests, {Milliseconds} ms")]
    private partial void LogRun(int uid, SandboxRunStatus status, int tests, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox failure: {Reason}")]
    private partial void LogSandboxFailure(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove sandbox job folder {Folder}: {Reason}")]
    private partial void LogCleanupFailed(string folder, string reason);
}
