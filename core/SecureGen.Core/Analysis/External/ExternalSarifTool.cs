using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureGen.Core.Analysis.Sarif;

namespace SecureGen.Core.Analysis.External;

/// <summary>
/// Runs a user's SARIF-producing analyzer (CodeQL, Semgrep...) on one candidate and reads its
/// SARIF into findings. The candidate is written to a private temporary folder; the tool only
/// reads it (it never executes the code), so it runs outside the sandbox. Fails closed: a tool
/// that cannot start, times out, prints something that is not SARIF, reports an unsuccessful
/// execution, or exits non-zero without results gives a failed run, hence Unknown.
/// </summary>
public sealed partial class ExternalSarifTool : IAnalysisTool, ICodeAnalyzer
{
    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly ExternalToolOptions _options;
    private readonly CommandTemplate _command;
    private readonly VerdictPolicy _policy;
    private readonly ILogger _logger;

    /// <exception cref="ExternalToolConfigurationException">The name or command can never work.</exception>
    public ExternalSarifTool(ExternalToolOptions options, VerdictPolicy? policy = null, ILogger<ExternalSarifTool>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!ValidName().IsMatch(options.Name))
        {
            throw new ExternalToolConfigurationException($"external tool name '{options.Name}' must be letters, digits, '-', '_' or '.'");
        }

        try
        {
            _command = CommandTemplate.Parse(options.Command);
        }
        catch (ExternalToolConfigurationException e)
        {
            throw new ExternalToolConfigurationException($"external tool '{options.Name}': {e.Message}", e);
        }

        _options = options;
        _policy = policy ?? new VerdictPolicy();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public string Name => _options.Name;

    public async Task<AnalysisReport> AnalyzeAsync(string code, CancellationToken cancellationToken) =>
        _policy.Decide([Name], [await RunAsync(code, cancellationToken)], null);

    public async Task<ToolRun> RunAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var root = Directory.CreateTempSubdirectory("securegen-ext-");
        try
        {
            // The tool sees a folder holding only the candidate; its SARIF goes to a sibling folder.
            var source = Directory.CreateDirectory(Path.Combine(root.FullName, "src")).FullName;
            var output = Directory.CreateDirectory(Path.Combine(root.FullName, "out")).FullName;
            var file = Path.Combine(source, _options.FileName);
            var sarifFile = Path.Combine(output, "result.sarif");
            await File.WriteAllTextAsync(file, code, Utf8, cancellationToken);
            return await RunProcessAsync(_command.Expand(file, source, sarifFile), root.FullName, sarifFile, cancellationToken);
        }
        finally
        {
            TryDelete(root);
        }
    }

    private async Task<ToolRun> RunProcessAsync(IReadOnlyList<string> arguments, string workingDirectory, string sarifFile, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(arguments[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new Win32Exception($"could not start '{arguments[0]}'");
        }
        catch (Win32Exception e)
        {
            return Fail($"could not start '{arguments[0]}': {e.Message}");
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = ReadBoundedAsync(process.StandardOutput, _options.MaxOutputChars);
            var stderr = ReadBoundedAsync(process.StandardError, 64 * 1024);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
                await Task.WhenAll(stdout, stderr).WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Kill(process);
                await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None));
                cancellationToken.ThrowIfCancellationRequested();
                return Fail($"did not finish within {_options.Timeout.TotalSeconds:0.###} s and was killed");
            }

            var exitCode = process.ExitCode;
            var (text, overflowed) = await stdout;
            var errors = StderrSuffix((await stderr).Text);
            if (overflowed)
            {
                return Fail($"wrote more than {_options.MaxOutputChars} characters to stdout");
            }

            if (_command.WritesSarifFile)
            {
                text = File.Exists(sarifFile) ? await File.ReadAllTextAsync(sarifFile, cancellationToken) : string.Empty;
            }

            return Interpret(text, exitCode, errors);
        }
    }

    private ToolRun Interpret(string sarif, int exitCode, string errors)
    {
        if (string.IsNullOrWhiteSpace(sarif))
        {
            return Fail($"exited with code {exitCode} without SARIF output{errors}");
        }

        SarifReadResult read;
        try
        {
            read = SarifFindingReader.Read(sarif);
        }
        catch (SarifFormatException e)
        {
            return Fail($"{e.Message} (exit code {exitCode}){errors}");
        }

        if (read.Drivers.Count == 0)
        {
            return Fail($"its SARIF log has no runs (exit code {exitCode}){errors}");
        }

        if (read.ExecutionFailures.Count > 0)
        {
            return Fail(string.Join("; ", read.ExecutionFailures));
        }

        // Many tools exit 1 when they find something; a non-zero exit with nothing found is a crash.
        if (exitCode != 0 && read.ResultCount == 0)
        {
            return Fail($"exited with code {exitCode} and reported no results{errors}");
        }

        LogToolFinished(_logger, Name, exitCode, read.Findings.Count);
        return new ToolRun(Name, true, read.Findings, null);
    }

    private ToolRun Fail(string error)
    {
        LogToolFailed(_logger, Name, error);
        return ToolRun.Failed(Name, error);
    }

    private static async Task<(string Text, bool Overflowed)> ReadBoundedAsync(StreamReader reader, int maxChars)
    {
        var text = new StringBuilder();
        var buffer = new char[16 * 1024];
        var overflowed = false;
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            // Keep draining after the limit so the tool never blocks on a full pipe.
            if (text.Length + read > maxChars)
            {
                overflowed = true;
                continue;
            }

            text.Append(buffer, 0, read);
        }

        return (text.ToString(), overflowed);
    }

    private static string StderrSuffix(string stderr)
    {
        var tail = stderr.Trim();
        if (tail.Length == 0)
        {
            return string.Empty;
        }

        tail = tail.ReplaceLineEndings(" | ");
        return $" (stderr: {(tail.Length <= 300 ? tail : "..." + tail[^300..])})";
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A tool that left a read-only file behind must not turn a result into a failure.
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex ValidName();

    [LoggerMessage(Level = LogLevel.Debug, Message = "External tool {Tool} exited with {ExitCode} and {Findings} findings")]
    private static partial void LogToolFinished(ILogger logger, string tool, int exitCode, int findings);

    [LoggerMessage(Level = LogLevel.Warning, Message = "External tool {Tool} failed: {Error}")]
    private static partial void LogToolFailed(ILogger logger, string tool, string error);
}
