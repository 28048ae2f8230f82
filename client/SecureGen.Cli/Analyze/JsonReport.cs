using System.Text.Json;
using System.Text.Json.Nodes;
using SecureGen.Core.Analysis;
using SecureGen.Core.Reporting;

namespace SecureGen.Cli.Analyze;

/// <summary>The machine-readable `analyze` report, in the same snake_case shape as results.jsonl.</summary>
internal static class JsonReport
{
    public static string Render(IReadOnlyList<AnalyzedFile> files, IReadOnlyList<string> analyzers)
    {
        var entries = new JsonArray();
        foreach (var file in files)
        {
            var report = file.Report;
            entries.Add(new JsonObject
            {
                ["path"] = file.DisplayPath,
                ["verdict"] = report.Verdict.ToString(),
                ["reasons"] = JsonSerializer.SerializeToNode(report.Reasons, ResultJson.Options),
                ["syntax_error"] = report.SyntaxError,
                ["findings"] = JsonSerializer.SerializeToNode(report.ToolRuns.SelectMany(r => r.Findings).OrderBy(f => f.Line).ToList(), ResultJson.Options),
                ["tools"] = new JsonArray(report.ToolRuns.Select(r => (JsonNode)new JsonObject
                {
                    ["tool"] = r.Tool,
                    ["succeeded"] = r.Succeeded,
                    ["error"] = r.Error,
                    ["findings"] = r.Findings.Count,
                }).ToArray()),
            });
        }

        int Count(Verdict v) => files.Count(f => f.Report.Verdict == v);
        var document = new JsonObject
        {
            ["analyzers"] = JsonSerializer.SerializeToNode(analyzers, ResultJson.Options),
            ["files"] = entries,
            ["summary"] = new JsonObject
            {
                ["files"] = files.Count,
                ["secure"] = Count(Verdict.Secure),
                ["vulnerable"] = Count(Verdict.Vulnerable),
                ["unknown"] = Count(Verdict.Unknown),
            },
        };
        return document.ToJsonString(ResultJson.Indented) + "\n";
    }
}
