using System.Text.Json;
using SecureGen.Core.Benchmarks;

namespace SecureGen.Core.Scoring.Training;

/// <summary>
/// SVEN's vulnerable/fixed function pairs (data_train_val/{train,val}/cwe-*.jsonl), Python files only.
/// The lines SVEN lists under line_changes.deleted (1-based in func_src_before) are the vulnerable ones;
/// the fixed version is all clean. Pairs from one commit form one group.
/// </summary>
public static class SvenPairReader
{
    public const string SourceName = "sven";

    public static SourceBatch Read(string svenRoot)
    {
        ArgumentNullException.ThrowIfNull(svenRoot);
        var root = Path.Combine(svenRoot, "data_train_val");
        if (!Directory.Exists(root))
        {
            throw new DatasetFormatException(root, null, "SVEN folder data_train_val not found");
        }

        var items = new List<LabeledCode>();
        var skipped = 0;
        foreach (var part in new[] { "train", "val" })
        {
            var dir = Path.Combine(root, part);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(dir, "cwe-*.jsonl").Order(StringComparer.Ordinal))
            {
                var lineNumber = 0;
                foreach (var line in File.ReadLines(file))
                {
                    lineNumber++;
                    if (string.IsNullOrWhiteSpace(line))
                    {
                        continue;
                    }

                    var record = Parse(file, lineNumber, line);
                    if (record is null)
                    {
                        skipped++;
                        continue;
                    }

                    var (before, after, commit, cwe, deleted) = record.Value;
                    var id = $"sven:{part}/{Path.GetFileNameWithoutExtension(file)}:{lineNumber}";
                    items.AddRange(LabeledCode.Pair(id, SourceName, $"sven:{commit}", cwe, before, after, deleted));
                }
            }
        }

        return new SourceBatch(SourceName, items, skipped, "not a Python file");
    }

    private static (string Before, string After, string Commit, int? Cwe, IReadOnlySet<int> Deleted)? Parse(string file, int lineNumber, string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            var fileName = r.GetProperty("file_name").GetString() ?? string.Empty;
            if (!fileName.EndsWith(".py", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var deleted = new HashSet<int>();
            if (r.TryGetProperty("line_changes", out var changes) && changes.TryGetProperty("deleted", out var removed))
            {
                foreach (var change in removed.EnumerateArray())
                {
                    deleted.Add(change.GetProperty("line_no").GetInt32());
                }
            }

            var vulType = r.TryGetProperty("vul_type", out var v) ? v.GetString() : null;
            int? cwe = vulType is not null && vulType.StartsWith("cwe-", StringComparison.OrdinalIgnoreCase) && int.TryParse(vulType.AsSpan(4), out var n) ? n : null;
            return (r.GetProperty("func_src_before").GetString() ?? string.Empty,
                r.GetProperty("func_src_after").GetString() ?? string.Empty,
                r.GetProperty("commit_link").GetString() ?? $"{file}:{lineNumber}",
                cwe,
                deleted);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new DatasetFormatException(file, lineNumber, $"not a SVEN record: {e.Message}");
        }
    }
}
