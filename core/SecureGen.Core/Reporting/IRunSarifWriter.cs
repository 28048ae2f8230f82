using SecureGen.Core.Sessions;

namespace SecureGen.Core.Reporting;

/// <summary>
/// Writes one SARIF 2.1.0 log merging every session's findings. The SARIF writer itself lives with
/// the analyzers (issue 3); reports call it through this hook and say so when none is connected.
/// </summary>
public interface IRunSarifWriter
{
    Task WriteAsync(string path, string runId, IReadOnlyList<SessionResult> results, CancellationToken cancellationToken);
}
