using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SecureGen.Core.Analysis.Sarif;

/// <summary>
/// Reads a SARIF 2.1.0 log from any tool (Semgrep, CodeQL, Bandit's SARIF formatter, our own
/// writer) into normalised findings. CWE comes from result or rule taxa, rule relationships,
/// or property tags ("CWE-89", "external/cwe/cwe-089", "CWE-89: SQL..."); severity from a
/// security-severity score when given, else from the level. Anything that is not SARIF 2.1.0
/// is a <see cref="SarifFormatException"/>, so the caller can fail closed.
/// </summary>
public static partial class SarifFindingReader
{
    public static SarifReadResult Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new SarifFormatException($"output is not JSON ({e.Message}): {Excerpt(text)}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new SarifFormatException($"output is JSON but not a SARIF log (top level is {root.ValueKind}): {Excerpt(text)}");
            }

            var version = Text(root, "version");
            if (version != SarifLogWriter.Version)
            {
                throw new SarifFormatException($"output is not a SARIF {SarifLogWriter.Version} log (version: {version ?? "missing"})");
            }

            if (!root.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
            {
                throw new SarifFormatException("SARIF log has no 'runs' array");
            }

            var drivers = new List<string>();
            var findings = new List<Finding>();
            var failures = new List<string>();
            var resultCount = 0;
            foreach (var run in runs.EnumerateArray())
            {
                resultCount += ReadRun(run, drivers, findings, failures);
            }

            return new SarifReadResult(drivers, findings, failures, resultCount);
        }
    }

    private static int ReadRun(JsonElement run, List<string> drivers, List<Finding> findings, List<string> failures)
    {
        var driver = Node(run, "tool", "driver");
        var tool = driver is { } d ? Text(d, "name") : null;
        if (string.IsNullOrWhiteSpace(tool))
        {
            throw new SarifFormatException("a SARIF run has no tool.driver.name");
        }

        drivers.Add(tool);
        foreach (var invocation in Items(run, "invocations"))
        {
            if (invocation.TryGetProperty("executionSuccessful", out var ok) && ok.ValueKind == JsonValueKind.False)
            {
                var errors = Items(invocation, "toolExecutionNotifications")
                    .Where(n => Text(n, "level") is null or "error")
                    .Select(n => Node(n, "message") is { } m ? Text(m, "text") : null)
                    .OfType<string>()
                    .ToList();
                failures.Add($"{tool} reported an unsuccessful execution{(errors.Count > 0 ? ": " + string.Join("; ", errors) : string.Empty)}");
            }
        }

        var context = new SarifRunContext(tool, driver!.Value, run);
        var count = 0;
        foreach (var result in Items(run, "results"))
        {
            count++;
            if (ReadResult(result, context) is { } finding)
            {
                findings.Add(finding);
            }
        }

        return count;
    }

    private static Finding? ReadResult(JsonElement result, SarifRunContext context)
    {
        if (Text(result, "kind") is "pass" or "notApplicable" || Text(result, "baselineState") == "absent" || IsSuppressed(result))
        {
            return null;
        }

        var rule = context.ResolveRule(result);
        var ruleId = Text(result, "ruleId") ?? (Node(result, "rule") is { } r ? Text(r, "id") : null) ?? (rule is { } rd ? Text(rd, "id") : null) ?? "unknown";
        var level = Text(result, "level") ?? (rule is { } withLevel && Node(withLevel, "defaultConfiguration") is { } config ? Text(config, "level") : null);
        var severity = SarifSeverity.FromSecurityScore(Score(result)) ?? SarifSeverity.FromSecurityScore(rule is { } scored ? Score(scored) : null) ?? SarifSeverity.FromLevel(level);
        var confidence = SarifSeverity.FromPrecision(Property(result, "precision"))
            ?? SarifSeverity.FromPrecision(Property(result, "confidence"))
            ?? SarifSeverity.FromPrecision(rule is { } precise ? Property(precise, "precision") ?? Property(precise, "confidence") : null)
            ?? Severity.Medium;
        var cwe = context.CweOf(result) ?? (rule is { } tagged ? context.CweOf(tagged) : null);

        var region = Items(result, "locations").Select(l => Node(l, "physicalLocation", "region")).FirstOrDefault(x => x is not null);
        var line = region is { } rg ? Integer(rg, "startLine") ?? 1 : 1;
        var endLine = region is { } re ? Integer(re, "endLine") ?? line : line;

        int? source = null;
        int? sink = null;
        var flow = Items(result, "codeFlows").SelectMany(c => Items(c, "threadFlows")).Select(t => Items(t, "locations").ToList()).FirstOrDefault(l => l.Count >= 2);
        if (flow is not null)
        {
            source = LineOf(flow[0]);
            sink = LineOf(flow[^1]);
        }

        return new Finding(
            Tool: context.Tool,
            RuleId: ruleId,
            Cwe: cwe,
            Severity: severity,
            Confidence: confidence,
            Line: Math.Max(1, line),
            EndLine: Math.Max(Math.Max(1, line), endLine),
            Message: MessageOf(result, rule) ?? ruleId,
            SourceLine: source,
            SinkLine: sink,
            RuleName: rule is { } named ? Text(named, "name") : null);
    }

    private static bool IsSuppressed(JsonElement result) =>
        Items(result, "suppressions").Any(s => Text(s, "status") is null or "accepted");

    private static int? LineOf(JsonElement threadFlowLocation) =>
        Node(threadFlowLocation, "location", "physicalLocation", "region") is { } region ? Integer(region, "startLine") : null;

    private static string? MessageOf(JsonElement result, JsonElement? rule)
    {
        var message = Node(result, "message");
        if (message is { } m && Text(m, "text") is { Length: > 0 } text)
        {
            return Substitute(text, m);
        }

        if (message is { } byId && Text(byId, "id") is { } id && rule is { } r && Node(r, "messageStrings", id) is { } template && Text(template, "text") is { } templateText)
        {
            return Substitute(templateText, byId);
        }

        return rule is { } described && Node(described, "shortDescription") is { } sd ? Text(sd, "text") : null;
    }

    /// <summary>Fills SARIF message placeholders {0}, {1}... from message.arguments.</summary>
    private static string Substitute(string text, JsonElement message)
    {
        var arguments = Items(message, "arguments").Select(a => a.ValueKind == JsonValueKind.String ? a.GetString() ?? string.Empty : a.ToString()).ToList();
        return arguments.Count == 0 ? text : Placeholder().Replace(text, match =>
        {
            var index = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            return index < arguments.Count ? arguments[index] : match.Value;
        });
    }

    private static string? Score(JsonElement element)
    {
        if (Node(element, "properties", "security-severity") is not { } score)
        {
            return null;
        }

        return score.ValueKind switch
        {
            JsonValueKind.String => score.GetString(),
            JsonValueKind.Number => score.GetRawText(),
            _ => null,
        };
    }

    private static string? Property(JsonElement element, string name) =>
        Node(element, "properties", name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>A CWE number in a tag or id such as "CWE-89", "cwe_89", "external/cwe/cwe-089" or "CWE-89: Improper...".</summary>
    internal static int? ParseCwe(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var match = CweText().Match(text);
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var cwe) && cwe > 0 ? cwe : null;
    }

    internal static JsonElement? Node(JsonElement element, params string[] names)
    {
        var current = element;
        foreach (var name in names)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.Null ? null : current;
    }

    internal static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray()
            : [];

    internal static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static int? Integer(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) ? i : null;

    private static string Excerpt(string text)
    {
        var trimmed = text.Trim().ReplaceLineEndings(" ");
        return trimmed.Length == 0 ? "(empty)" : trimmed.Length <= 120 ? trimmed : trimmed[..120] + "...";
    }

    [GeneratedRegex(@"(?:^|[^a-z])cwe[-_/: ]*0*([0-9]{1,5})(?![0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CweText();

    [GeneratedRegex(@"\{([0-9]+)\}")]
    private static partial Regex Placeholder();
}
