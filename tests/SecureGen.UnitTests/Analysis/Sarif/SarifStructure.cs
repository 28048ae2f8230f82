using System.Text.Json;

namespace SecureGen.UnitTests.Analysis.Sarif;

/// <summary>
/// Checks the parts of SARIF 2.1.0 that consumers rely on: the log header, each run's driver and
/// invocations, and that every result's rule, artifact, taxon and base-URI reference resolves.
/// Returns the problems found, so a test can show them all at once.
/// </summary>
internal static class SarifStructure
{
    private static readonly string[] Levels = ["none", "note", "warning", "error"];

    public static IReadOnlyList<string> Problems(string sarif)
    {
        var problems = new List<string>();
        using var document = JsonDocument.Parse(sarif);
        var log = document.RootElement;
        Expect(problems, log.TryGetProperty("$schema", out var schema) && schema.GetString()!.Contains("sarif-schema-2.1.0", StringComparison.Ordinal), "$schema names the 2.1.0 schema");
        Expect(problems, log.TryGetProperty("version", out var version) && version.GetString() == "2.1.0", "version is \"2.1.0\"");
        if (!log.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
        {
            problems.Add("runs is an array");
            return problems;
        }

        var r = 0;
        foreach (var run in runs.EnumerateArray())
        {
            CheckRun(problems, run, $"runs[{r++}]");
        }

        return problems;
    }

    private static void CheckRun(List<string> problems, JsonElement run, string at)
    {
        var driver = run.GetProperty("tool").GetProperty("driver");
        Expect(problems, driver.TryGetProperty("name", out var name) && !string.IsNullOrEmpty(name.GetString()), $"{at}.tool.driver.name is set");
        var rules = driver.TryGetProperty("rules", out var rs) ? rs.EnumerateArray().ToList() : [];
        foreach (var invocation in Items(run, "invocations"))
        {
            Expect(problems, invocation.TryGetProperty("executionSuccessful", out var ok) && ok.ValueKind is JsonValueKind.True or JsonValueKind.False, $"{at}.invocations[].executionSuccessful is a boolean");
            foreach (var notification in Items(invocation, "toolExecutionNotifications"))
            {
                Expect(problems, !string.IsNullOrEmpty(notification.GetProperty("message").GetProperty("text").GetString()), $"{at} notification has message.text");
            }
        }

        var artifacts = Items(run, "artifacts").Select(a => a.GetProperty("location").GetProperty("uri").GetString()).ToList();
        var baseIds = run.TryGetProperty("originalUriBaseIds", out var bases) ? bases.EnumerateObject().Select(p => p.Name).ToHashSet() : [];
        var taxa = Items(run, "taxonomies").Select(t => Items(t, "taxa").Select(x => x.GetProperty("id").GetString()).ToList()).ToList();
        var i = 0;
        foreach (var result in Items(run, "results"))
        {
            var where = $"{at}.results[{i++}]";
            var ruleId = result.TryGetProperty("ruleId", out var id) ? id.GetString() : null;
            Expect(problems, !string.IsNullOrEmpty(ruleId), $"{where}.ruleId is set");
            if (result.TryGetProperty("ruleIndex", out var index))
            {
                Expect(problems, index.GetInt32() < rules.Count && rules[index.GetInt32()].GetProperty("id").GetString() == ruleId, $"{where}.ruleIndex points at rule {ruleId}");
            }

            Expect(problems, result.TryGetProperty("message", out var message) && !string.IsNullOrEmpty(message.GetProperty("text").GetString()), $"{where}.message.text is set");
            Expect(problems, !result.TryGetProperty("level", out var level) || Levels.Contains(level.GetString()), $"{where}.level is a SARIF level");
            var locations = Items(result, "locations").ToList();
            Expect(problems, locations.Count > 0, $"{where}.locations is not empty");
            var flowLocations = Items(result, "codeFlows").SelectMany(c => Items(c, "threadFlows")).SelectMany(t => Items(t, "locations")).Select(l => l.GetProperty("location"));
            foreach (var location in locations.Concat(Items(result, "relatedLocations")).Concat(flowLocations))
            {
                CheckLocation(problems, location, artifacts, baseIds, where);
            }

            foreach (var taxon in Items(result, "taxa"))
            {
                var component = taxon.GetProperty("toolComponent").GetProperty("index").GetInt32();
                var taxonIndex = taxon.GetProperty("index").GetInt32();
                Expect(problems, component < taxa.Count && taxonIndex < taxa[component].Count && taxa[component][taxonIndex] == taxon.GetProperty("id").GetString(), $"{where}.taxa reference resolves");
            }
        }
    }

    private static void CheckLocation(List<string> problems, JsonElement location, List<string?> artifacts, HashSet<string> baseIds, string where)
    {
        var physical = location.GetProperty("physicalLocation");
        var artifact = physical.GetProperty("artifactLocation");
        var uri = artifact.GetProperty("uri").GetString();
        Expect(problems, !string.IsNullOrEmpty(uri), $"{where} location has an artifact uri");
        if (artifact.TryGetProperty("index", out var index))
        {
            Expect(problems, index.GetInt32() < artifacts.Count && artifacts[index.GetInt32()] == uri, $"{where} artifact index points at {uri}");
        }

        if (artifact.TryGetProperty("uriBaseId", out var baseId))
        {
            Expect(problems, baseIds.Contains(baseId.GetString()!), $"{where} uriBaseId {baseId} is declared in originalUriBaseIds");
        }
        else
        {
            Expect(problems, Uri.TryCreate(uri, UriKind.Absolute, out _), $"{where} uri {uri} without a base is absolute");
        }

        var region = physical.GetProperty("region");
        var start = region.GetProperty("startLine").GetInt32();
        Expect(problems, start >= 1 && (!region.TryGetProperty("endLine", out var end) || end.GetInt32() >= start), $"{where} region lines are 1-based and ordered");
    }

    private static List<JsonElement> Items(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().ToList() : [];

    private static void Expect(List<string> problems, bool condition, string what)
    {
        if (!condition)
        {
            problems.Add(what);
        }
    }
}
