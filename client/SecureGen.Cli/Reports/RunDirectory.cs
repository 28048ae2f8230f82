using SecureGen.Cli.Eval;
using SecureGen.Core.Reporting;
using SecureGen.Core.Sessions;
using SecureGen.Core.Storage;

namespace SecureGen.Cli.Reports;

/// <summary>Reads a run's results back from its output folder: the database when run.json names the run, else results.jsonl.</summary>
internal static class RunDirectory
{
    public static async Task<(string RunId, IReadOnlyList<SessionResult> Results)> LoadAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            throw new InvalidDataException($"'{directory}' is not a folder");
        }

        var manifest = RunManifest.TryLoad(directory);
        var database = Path.Combine(directory, EvalRunner.DatabaseFile);
        if (manifest is not null && File.Exists(database))
        {
            using var store = new SqliteSessionStore(database);
            var stored = await store.ListRunAsync(manifest.RunId, cancellationToken);
            return (manifest.RunId, stored);
        }

        var resultsFile = Path.Combine(directory, RunOutputWriter.ResultsFile);
        if (!File.Exists(resultsFile))
        {
            throw new InvalidDataException($"'{directory}' holds no run (expected {RunManifest.FileName} with {EvalRunner.DatabaseFile}, or {RunOutputWriter.ResultsFile})");
        }

        var results = ResultsFileReader.Read(resultsFile);
        var runIds = results.Select(r => r.RunId).Distinct(StringComparer.Ordinal).ToList();
        if (runIds.Count > 1)
        {
            throw new InvalidDataException($"{resultsFile} mixes runs {string.Join(", ", runIds)}");
        }

        return (manifest?.RunId ?? runIds.FirstOrDefault() ?? Path.GetFileName(Path.GetFullPath(directory)), results);
    }
}
