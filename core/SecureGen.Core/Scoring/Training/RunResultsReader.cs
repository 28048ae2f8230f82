using System.Text.Json;
using SecureGen.Core.Benchmarks;
using SecureGen.Core.Reporting;

namespace SecureGen.Core.Scoring.Training;

/// <summary>
/// Gathers refinement pairs from finished runs: every results.jsonl line's "refinement_pairs" array
/// (see <see cref="RefinementPair"/>); a line without one contributes nothing. A pair without its own
/// task_id or cwe takes the line's.
/// </summary>
public static class RunResultsReader
{
    public const string ResultsFile = "results.jsonl";

    public static IReadOnlyList<RefinementPair> ReadPairs(IEnumerable<string> runDirectories)
    {
        ArgumentNullException.ThrowIfNull(runDirectories);
        var pairs = new List<RefinementPair>();
        foreach (var dir in runDirectories)
        {
            var path = Path.Combine(dir, ResultsFile);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"no {ResultsFile} in run folder '{dir}'", path);
            }

            var lineNumber = 0;
            foreach (var line in File.ReadLines(path))
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                try
                {
                    using var doc = JsonDocument.Parse(line);
                    var root = doc.RootElement;
                    if (!root.TryGetProperty(RefinementPair.ResultsField, out var array) || array.ValueKind != JsonValueKind.Array)
                    {
                        continue;
                    }

                    var taskId = root.TryGetProperty("task_id", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                    int? cwe = root.TryGetProperty("cwe", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : null;
                    foreach (var element in array.EnumerateArray())
                    {
                        var pair = element.Deserialize<RefinementPair>(ResultJson.Options);
                        if (pair is null || string.IsNullOrEmpty(pair.Before) || string.IsNullOrEmpty(pair.After))
                        {
                            throw new DatasetFormatException(path, lineNumber, "a refinement pair needs 'before' and 'after' code");
                        }

                        pairs.Add(pair with { TaskId = pair.TaskId ?? taskId, Cwe = pair.Cwe ?? cwe });
                    }
                }
                catch (JsonException e)
                {
                    throw new DatasetFormatException(path, lineNumber, $"invalid JSON: {e.Message}");
                }
            }
        }

        return pairs;
    }

    /// <summary>Training items from refinement pairs; a pair made on a benchmark task shares that task's group (and split).</summary>
    public static SourceBatch ToTrainingItems(IEnumerable<RefinementPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var items = new List<LabeledCode>();
        foreach (var pair in pairs.DistinctBy(p => p.Key))
        {
            var group = pair.TaskId is null ? $"refinement:{pair.Key}" : BuiltinReferenceReader.TaskGroup(pair.TaskId);
            items.AddRange(LabeledCode.Pair($"refinement:{pair.Key}", "refinement", group, pair.Cwe, pair.Before, pair.After));
        }

        return new SourceBatch("refinement", items, 0);
    }
}
