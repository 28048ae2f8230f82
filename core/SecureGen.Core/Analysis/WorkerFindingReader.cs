using System.Text.Json;

namespace SecureGen.Core.Analysis;

/// <summary>Reads the worker's per-tool JSON into normalised findings.</summary>
internal static class WorkerFindingReader
{
    public static ToolRun ReadToolRun(string tool, JsonElement run)
    {
        if (!run.TryGetProperty("ok", out var ok) || !ok.GetBoolean())
        {
            var error = run.TryGetProperty("error", out var e) ? e.GetString() : null;
            return ToolRun.Failed(tool, error ?? "unknown error");
        }

        var findings = new List<Finding>();
        foreach (var f in run.GetProperty("findings").EnumerateArray())
        {
            var line = f.GetProperty("line").GetInt32();
            findings.Add(new Finding(
                Tool: f.GetProperty("tool").GetString() ?? tool,
                RuleId: f.GetProperty("rule_id").GetString() ?? "?",
                Cwe: f.TryGetProperty("cwe", out var cwe) && cwe.ValueKind == JsonValueKind.Number ? cwe.GetInt32() : null,
                Severity: ParseLevel(f.GetProperty("severity").GetString()),
                Confidence: ParseLevel(f.TryGetProperty("confidence", out var c) ? c.GetString() : null),
                Line: line,
                EndLine: f.TryGetProperty("end_line", out var end) && end.ValueKind == JsonValueKind.Number ? end.GetInt32() : line,
                Message: f.GetProperty("message").GetString() ?? string.Empty,
                SourceLine: OptionalInt(f, "source_line"),
                SinkLine: OptionalInt(f, "sink_line"),
                RuleName: f.TryGetProperty("rule_name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null));
        }

        return new ToolRun(tool, true, findings, null);
    }

    private static int? OptionalInt(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    private static Severity ParseLevel(string? level) => level?.ToLowerInvariant() switch
    {
        "high" => Severity.High,
        "medium" => Severity.Medium,
        _ => Severity.Low,
    };
}
