using System.Reflection;
using System.Text;
using SecureGen.Cli.Output;
using SecureGen.Core.Analysis;
using SecureGen.Core.Analysis.External;
using SecureGen.Core.Analysis.Sarif;

namespace SecureGen.Cli.Analyze;

/// <summary>
/// `securegen analyze`: checks every input before any work (paths, --out, analyzer names against
/// what the worker offers, external commands), analyses the files in parallel through the worker
/// pool and the external tools, writes the report, and maps the verdicts to the exit code.
/// </summary>
internal static class AnalyzeRunner
{
    public const string NoWorkerAnalyzers = "none";

    public static async Task<int> RunAsync(AnalyzeSettings settings, TextWriter stdout, CancellationToken cancellationToken)
    {
        var workingDirectory = Directory.GetCurrentDirectory();
        try
        {
            var files = SourceFileCollector.Collect(settings.Paths, workingDirectory);
            var outputFile = settings.OutputFile is null ? null : EnsureWritable(Path.GetFullPath(settings.OutputFile, workingDirectory), settings.OutputFile);
            var policy = new VerdictPolicy(settings.MinimumSeverity);
            var external = settings.External.Select(e => CreateExternalTool(e, settings.ExternalTimeout, policy)).ToList();

            var options = new PythonWorkerOptions
            {
                WorkerCount = Math.Clamp(settings.Workers, 1, Math.Max(1, files.Count)),
                MinimumSeverity = settings.MinimumSeverity,
            };
            await using var pool = new PythonWorkerPool(options);
            var analyzers = await SelectWorkerAnalyzersAsync(pool, settings.Analyzers, cancellationToken);
            options.Analyzers = analyzers;

            var duplicate = analyzers.Concat(external.Select(t => t.Name)).GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new AnalyzeInputException($"analyzer name '{duplicate.Key}' is used twice (each --external needs its own name, apart from the worker's analyzers)");
            }

            if (analyzers.Count == 0 && external.Count == 0)
            {
                throw new AnalyzeInputException($"--analyzers {NoWorkerAnalyzers} needs at least one --external tool");
            }

            var composite = new CompositeAnalyzer(pool, pool, analyzers, external, policy);
            var results = await AnalyzeAllAsync(files, composite, options.WorkerCount, cancellationToken);

            var report = settings.Format switch
            {
                ReportFormat.Json => JsonReport.Render(results, composite.RequiredTools),
                ReportFormat.Sarif => SarifLogWriter.Serialize(
                    results.Select(r => new SarifArtifact(r.DisplayPath, r.Report)).ToList(),
                    new SarifLogOptions { SourceRoot = workingDirectory, ToolVersion = ToolVersion() }),
                _ => TextReport.Render(results, composite.RequiredTools),
            };

            if (outputFile is null)
            {
                await stdout.WriteAsync(report);
            }
            else
            {
                await WriteReportAsync(outputFile, settings.OutputFile!, report, cancellationToken);
                await stdout.WriteLineAsync(TextReport.Summary(results, composite.RequiredTools) + $"; report written to {settings.OutputFile}");
            }

            return AnalyzeExitCode.For(results.Select(r => r.Report.Verdict));
        }
        catch (AnalyzeInputException e)
        {
            return CliError.Report(e.Message);
        }
    }

    private static async Task<IReadOnlyList<string>> SelectWorkerAnalyzersAsync(PythonWorkerPool pool, IReadOnlyList<string>? requested, CancellationToken cancellationToken)
    {
        if (requested is [NoWorkerAnalyzers])
        {
            return [];
        }

        IReadOnlyList<string> available;
        try
        {
            available = await pool.GetAvailableAnalyzersAsync(cancellationToken);
        }
        catch (WorkerFailedException e)
        {
            throw new AnalyzeInputException($"the analysis worker is not available: {e.Message}", e);
        }

        if (requested is null)
        {
            return available;
        }

        var unknown = requested.FirstOrDefault(a => !available.Contains(a, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw new AnalyzeInputException($"unknown analyzer '{unknown}' (this worker has: {string.Join(", ", available)}; use --external for other tools)");
        }

        return requested.Distinct(StringComparer.Ordinal).ToList();
    }

    private static ExternalSarifTool CreateExternalTool(string value, TimeSpan timeout, VerdictPolicy policy)
    {
        try
        {
            return new ExternalSarifTool(ExternalToolArgument.Parse(value, timeout), policy);
        }
        catch (ExternalToolConfigurationException e)
        {
            throw new AnalyzeInputException(e.Message, e);
        }
    }

    private static async Task<IReadOnlyList<AnalyzedFile>> AnalyzeAllAsync(IReadOnlyList<SourceFile> files, CompositeAnalyzer analyzer, int parallelism, CancellationToken cancellationToken)
    {
        var results = new AnalyzedFile[files.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), parallel, async (i, token) =>
        {
            var file = files[i];
            AnalysisReport report;
            try
            {
                var code = await File.ReadAllTextAsync(file.FullPath, token);
                report = await analyzer.AnalyzeAsync(code, token);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                report = AnalysisReport.Unknown($"could not read the file: {e.Message}");
            }

            results[i] = new AnalyzedFile(file.DisplayPath, report);
        });
        return results;
    }

    /// <summary>Proves --out can be written before minutes of analysis, without leaving a file behind.</summary>
    private static string EnsureWritable(string fullPath, string given)
    {
        if (Directory.Exists(fullPath))
        {
            throw new AnalyzeInputException($"--out '{given}' is a directory, not a file");
        }

        var existed = File.Exists(fullPath);
        try
        {
            using (new FileStream(fullPath, FileMode.OpenOrCreate, FileAccess.Write))
            {
            }

            if (!existed)
            {
                File.Delete(fullPath);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AnalyzeInputException($"--out '{given}' is not writable: {e.Message}", e);
        }

        return fullPath;
    }

    private static async Task WriteReportAsync(string fullPath, string given, string report, CancellationToken cancellationToken)
    {
        try
        {
            await File.WriteAllTextAsync(fullPath, report, new UTF8Encoding(false), cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AnalyzeInputException($"--out '{given}' could not be written: {e.Message}", e);
        }
    }

    private static string? ToolVersion() =>
        typeof(AnalyzeRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
}
