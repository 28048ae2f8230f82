using System.Globalization;
using SecureGen.Core.Reporting;
using SecureGen.Core.Sessions;
using SecureGen.Core.Storage;

namespace SecureGen.Cli.Eval;

/// <summary>
/// Makes an eval resumable: the run id and the settings that decide the plan live in DIR/run.json;
/// a resumed run keeps the id (so the same deterministic session ids) and skips sessions already
/// in DIR/securegen.db. A folder that holds a run is never silently reused for another one.
/// </summary>
internal static class ResumeSupport
{
    /// <summary>The run id to use, or a one-line reason why the run cannot start in this folder.</summary>
    public static (string? RunId, string? Problem) Open(EvalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        RunManifest? existing;
        try
        {
            existing = RunManifest.TryLoad(settings.OutputDirectory);
        }
        catch (InvalidDataException e)
        {
            return (null, e.Message);
        }

        if (!settings.Resume)
        {
            return existing is null
                ? (NewRunId(), null)
                : (null, $"output directory '{settings.OutputDirectory}' already holds run {existing.RunId} (pass --resume to continue it, or choose another --out)");
        }

        if (existing is null)
        {
            return (null, $"nothing to resume: '{settings.OutputDirectory}' has no {RunManifest.FileName}");
        }

        var difference = existing.FirstDifference(PlanSettings(settings));
        return difference is null ? (existing.RunId, null) : (null, $"cannot resume run {existing.RunId} with different settings: {difference}");
    }

    /// <summary>Writes run.json the first time a run starts; a resumed run keeps the original.</summary>
    public static void Record(EvalSettings settings, string runId, int plannedSessions)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (RunManifest.TryLoad(settings.OutputDirectory) is null)
        {
            new RunManifest(runId, DateTimeOffset.UtcNow, plannedSessions, PlanSettings(settings)).Save(settings.OutputDirectory);
        }
    }

    /// <summary>The planned sessions not yet stored, and the stored ones of the plan.</summary>
    public static async Task<(IReadOnlyList<SessionInput> Pending, IReadOnlyList<SessionResult> Done)> PendingAsync(IReadOnlyList<SessionInput> plan, ISessionStore store, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(store);
        var planned = plan.Select(p => p.SessionId).ToHashSet(StringComparer.Ordinal);
        var done = (await store.ListRunAsync(runId, cancellationToken)).Where(r => planned.Contains(r.SessionId)).ToList();
        var stored = done.Select(r => r.SessionId).ToHashSet(StringComparer.Ordinal);
        return (plan.Where(p => !stored.Contains(p.SessionId)).ToList(), done);
    }

    /// <summary>Every setting that changes which sessions are planned or what they ask, by option name.</summary>
    public static IReadOnlyDictionary<string, string> PlanSettings(EvalSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["--dataset"] = s.Dataset.ToLowerInvariant(),
            ["--dataset-path"] = s.DatasetPath is null ? "(default)" : Path.GetFullPath(s.DatasetPath),
            ["--strategy"] = string.Join(',', s.Strategies),
            ["--samples"] = s.Samples.ToString(CultureInfo.InvariantCulture),
            ["--model"] = s.Model ?? "(default)",
            ["--endpoint"] = s.Endpoint?.ToString() ?? "(simulator)",
            ["--seed"] = s.Seed.ToString(CultureInfo.InvariantCulture),
            ["--temperature"] = s.Temperature.ToString("R", CultureInfo.InvariantCulture),
            ["--max-tokens"] = s.MaxTokens.ToString(CultureInfo.InvariantCulture),
            ["--tasks"] = s.TaskLimit?.ToString(CultureInfo.InvariantCulture) ?? "(all)",
            ["--cwe"] = s.Cwes.Count == 0 ? "(all)" : string.Join(',', s.Cwes),
            ["--task-id"] = s.TaskIds.Count == 0 ? "(all)" : string.Join(',', s.TaskIds),
        };
    }

    private static string NewRunId() => $"run-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
}
