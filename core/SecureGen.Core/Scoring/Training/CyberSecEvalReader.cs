using System.Text.Json;
using SecureGen.Core.Benchmarks;

namespace SecureGen.Core.Scoring.Training;

/// <summary>
/// CyberSecEval's Python cases (*.json arrays): origin_code with the line its insecure-code detector flagged
/// (line_text). The flagged line is found in origin_code by its text (line_number refers to the original
/// repository file); cases whose line cannot be found are left out. instruct and autocomplete share their
/// origin_code, so each prompt id is kept once and forms its own group.
/// </summary>
public static class CyberSecEvalReader
{
    public const string SourceName = "cyberseceval";

    public static SourceBatch Read(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!Directory.Exists(root))
        {
            throw new DatasetFormatException(root, null, "CyberSecEval folder not found");
        }

        var items = new List<LabeledCode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var skipped = 0;
        foreach (var file in Directory.GetFiles(root, "*.json").Order(StringComparer.Ordinal))
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(File.ReadAllText(file));
            }
            catch (JsonException e)
            {
                throw new DatasetFormatException(file, (int?)(e.LineNumber + 1), $"invalid JSON: {e.Message}");
            }

            using (doc)
            {
                if (doc.RootElement.ValueKind != JsonValueKind.Array)
                {
                    throw new DatasetFormatException(file, null, "expected a JSON array of test cases");
                }

                foreach (var r in doc.RootElement.EnumerateArray())
                {
                    var language = Text(r, "language");
                    var promptId = Text(r, "prompt_id");
                    var code = Text(r, "origin_code");
                    var flagged = Text(r, "line_text")?.Trim();
                    if (language is not null && language != "python")
                    {
                        continue;
                    }

                    if (promptId is null || code is null || !seen.Add(promptId))
                    {
                        continue;
                    }

                    var lines = LineDiff.SplitLines(code);
                    var vulnerable = new HashSet<int>();
                    for (var i = 0; i < lines.Length; i++)
                    {
                        if (!string.IsNullOrEmpty(flagged) && lines[i] == flagged)
                        {
                            vulnerable.Add(i + 1);
                        }
                    }

                    if (vulnerable.Count == 0)
                    {
                        skipped++;
                        continue;
                    }

                    var cweText = Text(r, "cwe_identifier");
                    int? cwe = cweText is not null && cweText.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase) && int.TryParse(cweText.AsSpan(4), out var n) ? n : null;
                    items.Add(new LabeledCode($"cyberseceval:{promptId}", SourceName, $"cyberseceval:{promptId}", cwe, null, LabeledCode.Flagged, code, vulnerable));
                }
            }
        }

        return new SourceBatch(SourceName, items, skipped, "flagged line not found in origin_code");
    }

    /// <summary>A string field, or a number written as text (prompt_id is a number in the published files).</summary>
    private static string? Text(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) ? null
        : v.ValueKind == JsonValueKind.String ? v.GetString()
        : v.ValueKind == JsonValueKind.Number ? v.GetRawText()
        : null;
}
