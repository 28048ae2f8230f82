using System.Diagnostics;
using SecureGen.Core.Telemetry;

namespace SecureGen.Core.Analysis;

/// <summary>
/// Runs the worker's analyzers (Bandit, taint...) and any standalone tools (external SARIF
/// analyzers) on the same code in parallel, then applies one verdict policy over all their
/// runs: every one of them is required, so any that fails or is missing makes a clean
/// candidate Unknown rather than Secure.
/// </summary>
public sealed class CompositeAnalyzer : ICodeAnalyzer
{
    private readonly ICodeAnalyzer _worker;
    private readonly ISyntaxChecker _syntax;
    private readonly IReadOnlyList<string> _workerAnalyzers;
    private readonly IReadOnlyList<IAnalysisTool> _tools;
    private readonly VerdictPolicy _policy;

    /// <param name="worker">Analyzes with <paramref name="workerAnalyzers"/> (the Python worker pool).</param>
    /// <param name="syntax">Checks the code parses when no worker analyzer runs, so no tool that skips broken files can call it Secure.</param>
    public CompositeAnalyzer(ICodeAnalyzer worker, ISyntaxChecker syntax, IReadOnlyList<string> workerAnalyzers, IReadOnlyList<IAnalysisTool> tools, VerdictPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(syntax);
        ArgumentNullException.ThrowIfNull(workerAnalyzers);
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(policy);
        var names = workerAnalyzers.Concat(tools.Select(t => t.Name)).ToList();
        if (names.Count == 0)
        {
            throw new ArgumentException("at least one analyzer is needed", nameof(tools));
        }

        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"analyzer name '{duplicate.Key}' is used twice", nameof(tools));
        }

        _worker = worker;
        _syntax = syntax;
        _workerAnalyzers = workerAnalyzers;
        _tools = tools;
        _policy = policy;
        RequiredTools = names;
    }

    /// <summary>Every analyzer a Secure verdict needs to have run cleanly.</summary>
    public IReadOnlyList<string> RequiredTools { get; }

    public async Task<AnalysisReport> AnalyzeAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        using var activity = SecureGenTelemetry.Source.StartActivity(SecureGenTelemetry.AnalysisSpan);
        var started = Stopwatch.GetTimestamp();
        var report = await AnalyzeCoreAsync(code, cancellationToken);
        var verdict = report.Verdict.ToString().ToLowerInvariant();
        activity?.SetTag("securegen.verdict", verdict);
        activity?.SetTag("securegen.analysis.findings", report.Findings.Count);
        SecureGenMeters.AnalysisDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("verdict", verdict));
        return report;
    }

    private async Task<AnalysisReport> AnalyzeCoreAsync(string code, CancellationToken cancellationToken)
    {
        var toolRuns = _tools.Select(t => RunContainedAsync(t, code, cancellationToken)).ToList();

        var runs = new List<ToolRun>();
        string? syntaxError;
        if (_workerAnalyzers.Count > 0)
        {
            var report = await _worker.AnalyzeAsync(code, cancellationToken);
            syntaxError = report.SyntaxError;
            runs.AddRange(report.ToolRuns);
            if (syntaxError is null)
            {
                // The worker as a whole failed (crash, hang): say so for each of its analyzers.
                var why = report.Reasons.Count > 0 ? string.Join("; ", report.Reasons) : "the analysis worker gave no result";
                runs.AddRange(_workerAnalyzers.Where(a => runs.All(r => r.Tool != a)).Select(a => ToolRun.Failed(a, why)));
            }
        }
        else
        {
            try
            {
                syntaxError = await _syntax.FindSyntaxErrorAsync(code, cancellationToken);
            }
            catch (WorkerFailedException e)
            {
                await Task.WhenAll(toolRuns);
                return AnalysisReport.Unknown($"could not check that the code parses: {e.Message}", toolRuns.Select(t => t.Result).ToList());
            }
        }

        runs.AddRange(await Task.WhenAll(toolRuns));
        return _policy.Decide(RequiredTools, runs, syntaxError);
    }

    /// <summary>A tool that throws instead of reporting failure still only fails its own run.</summary>
    private static async Task<ToolRun> RunContainedAsync(IAnalysisTool tool, string code, CancellationToken cancellationToken)
    {
        try
        {
            return await tool.RunAsync(code, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ToolRun.Failed(tool.Name, $"{e.GetType().Name}: {e.Message}");
        }
    }
}
