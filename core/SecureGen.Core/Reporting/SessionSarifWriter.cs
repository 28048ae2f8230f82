using SecureGen.Core.Analysis;
using SecureGen.Core.Analysis.Sarif;
using SecureGen.Core.Sessions;

namespace SecureGen.Core.Reporting;

/// <summary>
/// SARIF 2.1.0 for sessions: each session's final code is one artifact (sessions/TASK/SESSION.py) with
/// its findings, verdict and reasons, so a run's log merges every session and a single session makes its own.
/// </summary>
public sealed class SessionSarifWriter : IRunSarifWriter
{
    public async Task WriteAsync(string path, string runId, IReadOnlyList<SessionResult> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        await File.WriteAllTextAsync(path, Serialize(results), cancellationToken);
    }

    public static string Serialize(IEnumerable<SessionResult> results) =>
        SarifLogWriter.Serialize(results.Where(r => r.InfrastructureFailure is null).Select(Artifact).ToList());

    public static SarifArtifact Artifact(SessionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var runs = result.Findings.GroupBy(f => f.Tool, StringComparer.Ordinal).Select(g => new ToolRun(g.Key, true, g.ToList(), null)).ToList();
        var report = new AnalysisReport(result.Verdict, result.Findings, runs, result.Reasons, result.Unparsable ? "unparsable" : null);
        return new SarifArtifact($"sessions/{result.TaskId}/{result.SessionId}.py", report);
    }
}
