namespace SecureGen.Core.Benchmarks;

/// <summary>
/// Which tasks of a dataset a run uses: only the named ids (in dataset order), only the given CWEs,
/// then the first <see cref="Limit"/> of what is left. A named id the dataset lacks is an error, not silence.
/// </summary>
public sealed record TaskFilter(int? Limit = null, IReadOnlyList<int>? Cwes = null, IReadOnlyList<string>? TaskIds = null)
{
    public IReadOnlyList<BenchmarkTask> Apply(IReadOnlyList<BenchmarkTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        if (Limit is < 1)
        {
            throw new TaskSelectionException($"--tasks must be at least 1 (got {Limit})");
        }

        IEnumerable<BenchmarkTask> selected = tasks;
        if (TaskIds is { Count: > 0 } ids)
        {
            var known = tasks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
            var missing = ids.FirstOrDefault(id => !known.Contains(id));
            if (missing is not null)
            {
                throw new TaskSelectionException($"no task '{missing}' in dataset '{(tasks.Count > 0 ? tasks[0].Dataset : "?")}'");
            }

            var wanted = ids.ToHashSet(StringComparer.Ordinal);
            selected = selected.Where(t => wanted.Contains(t.Id));
        }

        if (Cwes is { Count: > 0 } cwes)
        {
            var wanted = cwes.ToHashSet();
            selected = selected.Where(t => t.Cwe is { } cwe && wanted.Contains(cwe));
        }

        if (Limit is { } limit)
        {
            selected = selected.Take(limit);
        }

        var result = selected.ToList();
        return result.Count > 0 ? result : throw new TaskSelectionException("no task matches the given --cwe / --task-id filters");
    }
}
