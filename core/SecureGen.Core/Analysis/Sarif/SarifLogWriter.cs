using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureGen.Core.Analysis.Sarif;

/// <summary>
/// Writes SARIF 2.1.0 logs for one candidate or many (a merged log for a whole run): one SARIF
/// run per analyzer, rules with CWE tags, relationships and help, results with a level from
/// the severity, taint source-to-sink as a code flow, and every tool that failed on a candidate
/// as an unsuccessful invocation with a notification, so an Unknown verdict stays visible.
/// </summary>
public static class SarifLogWriter
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    public const string Version = "2.1.0";

    /// <summary>Driver name of the run that reports analyses no tool could explain (code that does not parse, a worker that died).</summary>
    public const string SecureGenDriver = "securegen";

    private const string SourceRootId = "SRCROOT";
    private const string CweTaxonomy = "CWE";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(IReadOnlyList<SarifArtifact> artifacts, SarifLogOptions? options = null) =>
        Build(artifacts, options).ToJsonString(JsonOptions) + "\n";

    public static JsonObject Build(IReadOnlyList<SarifArtifact> artifacts, SarifLogOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        options ??= new SarifLogOptions();
        var locations = artifacts.Select(a => Locate(a.Path, options)).ToList();

        var runs = new JsonArray();
        var tools = artifacts.SelectMany(a => a.Report.ToolRuns).Select(r => r.Tool).Distinct().Order(StringComparer.Ordinal);
        foreach (var tool in tools)
        {
            runs.Add(BuildToolRun(tool, artifacts, locations, options));
        }

        // Unknown with no failed tool run to show for it (code that does not parse, a worker that
        // died before any tool ran): SecureGen itself reports it, or a viewer would see a clean file.
        var unexplained = Enumerable.Range(0, artifacts.Count)
            .Where(i => artifacts[i].Report.Verdict == Verdict.Unknown && artifacts[i].Report.ToolRuns.All(r => r.Succeeded))
            .ToList();
        if (unexplained.Count > 0)
        {
            runs.Add(BuildSecureGenRun(unexplained, artifacts, locations, options));
        }

        var verdicts = new JsonArray();
        for (var i = 0; i < artifacts.Count; i++)
        {
            var report = artifacts[i].Report;
            var verdict = new JsonObject
            {
                ["artifact"] = locations[i].Uri,
                ["verdict"] = report.Verdict.ToString(),
                ["reasons"] = Strings(report.Reasons),
            };
            if (report.SyntaxError is not null)
            {
                verdict["syntaxError"] = report.SyntaxError;
            }

            verdicts.Add(verdict);
        }

        return new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = Version,
            ["runs"] = runs,
            ["properties"] = new JsonObject { ["verdicts"] = verdicts },
        };
    }

    private static JsonObject BuildToolRun(string tool, IReadOnlyList<SarifArtifact> artifacts, IReadOnlyList<ArtifactLocation> locations, SarifLogOptions options)
    {
        // Only the candidates this tool ran on are this run's artifacts; indices are local to the run.
        var members = new List<(ArtifactLocation Location, ToolRun Run)>();
        for (var i = 0; i < artifacts.Count; i++)
        {
            if (artifacts[i].Report.ToolRuns.FirstOrDefault(r => r.Tool == tool) is { } toolRun)
            {
                members.Add((locations[i] with { Index = members.Count }, toolRun));
            }
        }

        var findings = members
            .SelectMany(m => m.Run.Findings.Select(f => (m.Location, Finding: f)))
            .OrderBy(x => x.Location.Index).ThenBy(x => x.Finding.Line).ThenBy(x => x.Finding.RuleId, StringComparer.Ordinal).ThenBy(x => x.Finding.Message, StringComparer.Ordinal)
            .ToList();
        var cwes = findings.Select(x => x.Finding.Cwe).OfType<int>().Distinct().Order().ToList();
        var ruleGroups = findings.GroupBy(x => x.Finding.RuleId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var ruleIndex = ruleGroups.Select((g, i) => (g.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);

        var driver = new JsonObject { ["name"] = tool };
        if (KnownInformationUri(tool) is { } info)
        {
            driver["informationUri"] = info;
        }

        driver["rules"] = new JsonArray(ruleGroups.Select(g => (JsonNode)BuildRule(tool, g.Select(x => x.Finding).ToList(), cwes)).ToArray());

        var run = new JsonObject
        {
            ["tool"] = new JsonObject { ["driver"] = driver },
            ["invocations"] = new JsonArray(BuildInvocation(tool, members)),
        };
        AddArtifacts(run, members.Select(m => m.Location).ToList(), options);
        if (cwes.Count > 0)
        {
            run["taxonomies"] = new JsonArray(BuildCweTaxonomy(cwes));
        }

        // Absent results mean "could not tell"; an empty array means "looked and found nothing".
        if (members.Any(m => m.Run.Succeeded))
        {
            run["results"] = new JsonArray(findings.Select(x => (JsonNode)BuildResult(x.Finding, x.Location, ruleIndex[x.Finding.RuleId], cwes)).ToArray());
        }

        return run;
    }

    private static JsonObject BuildSecureGenRun(List<int> unexplained, IReadOnlyList<SarifArtifact> artifacts, IReadOnlyList<ArtifactLocation> locations, SarifLogOptions options)
    {
        var driver = new JsonObject { ["name"] = SecureGenDriver, ["fullName"] = "SecureGen Cluster analysis" };
        if (options.ToolVersion is not null)
        {
            driver["version"] = options.ToolVersion;
        }

        var members = unexplained.Select((artifact, local) => locations[artifact] with { Index = local }).ToList();
        var notifications = new JsonArray();
        for (var local = 0; local < unexplained.Count; local++)
        {
            var report = artifacts[unexplained[local]].Report;
            var why = report.Reasons.Count > 0 ? string.Join("; ", report.Reasons) : "the analysis did not complete";
            notifications.Add(Notification($"{members[local].Uri} could not be analysed: {why}", members[local]));
        }

        var run = new JsonObject
        {
            ["tool"] = new JsonObject { ["driver"] = driver },
            ["invocations"] = new JsonArray(new JsonObject
            {
                ["executionSuccessful"] = false,
                ["toolExecutionNotifications"] = notifications,
            }),
        };
        AddArtifacts(run, members, options);
        return run;
    }

    private static JsonObject BuildInvocation(string tool, IReadOnlyList<(ArtifactLocation Location, ToolRun Run)> members)
    {
        var failures = members.Where(m => !m.Run.Succeeded).ToList();
        var invocation = new JsonObject { ["executionSuccessful"] = failures.Count == 0 };
        if (failures.Count > 0)
        {
            invocation["toolExecutionNotifications"] = new JsonArray(failures
                .Select(m => (JsonNode)Notification($"{tool} failed on {m.Location.Uri}: {m.Run.Error ?? "unknown error"}", m.Location))
                .ToArray());
        }

        return invocation;
    }

    private static JsonObject Notification(string text, ArtifactLocation location) => new()
    {
        ["level"] = "error",
        ["message"] = Message(text),
        ["locations"] = new JsonArray(new JsonObject
        {
            ["physicalLocation"] = new JsonObject { ["artifactLocation"] = location.ToJson() },
        }),
    };

    private static void AddArtifacts(JsonObject run, IReadOnlyList<ArtifactLocation> members, SarifLogOptions options)
    {
        if (options.SourceRoot is not null && members.Any(m => m.UriBaseId is not null))
        {
            run["originalUriBaseIds"] = new JsonObject
            {
                [SourceRootId] = new JsonObject { ["uri"] = DirectoryUri(options.SourceRoot) },
            };
        }

        run["artifacts"] = new JsonArray(members.Select(m => (JsonNode)new JsonObject
        {
            ["location"] = m.ToJson(withIndex: false),
            ["sourceLanguage"] = "python",
        }).ToArray());
    }

    private static JsonObject BuildRule(string tool, List<Finding> findings, IReadOnlyList<int> cwes)
    {
        var first = findings[0];
        var name = findings.Select(f => f.RuleName).FirstOrDefault(n => !string.IsNullOrEmpty(n));
        var cwe = findings.Select(f => f.Cwe).OfType<int>().Cast<int?>().FirstOrDefault();
        var severity = findings.Max(f => f.Severity);
        var confidence = findings.Max(f => f.Confidence);
        var title = cwe is int c ? $"{CweCatalog.ShortName(c)} (CWE-{c})" : name ?? first.RuleId;
        var ruleText = name is null ? $"{tool} rule {first.RuleId}" : $"{tool} rule {first.RuleId} ({name})";

        var rule = new JsonObject { ["id"] = first.RuleId };
        if (name is not null)
        {
            rule["name"] = name;
        }

        rule["shortDescription"] = Message(title);
        if (cwe is int id)
        {
            var uri = CweCatalog.DefinitionUri(id).AbsoluteUri;
            rule["helpUri"] = uri;
            rule["help"] = new JsonObject
            {
                ["text"] = $"{ruleText} reports {CweCatalog.ShortName(id)} (CWE-{id}). See {uri}",
                ["markdown"] = $"{ruleText} reports {CweCatalog.ShortName(id)} ([CWE-{id}]({uri})).",
            };
        }
        else
        {
            rule["help"] = Message($"{ruleText}: {first.Message}");
        }

        rule["defaultConfiguration"] = new JsonObject { ["level"] = SarifSeverity.Level(severity) };
        var tags = new JsonArray("security");
        if (cwe is int tagged)
        {
            tags.Add($"external/cwe/cwe-{tagged:000}");
        }

        rule["properties"] = new JsonObject
        {
            ["tags"] = tags,
            ["precision"] = SarifSeverity.Precision(confidence),
            ["security-severity"] = SarifSeverity.SecurityScore(severity),
        };
        if (cwe is int related)
        {
            rule["relationships"] = new JsonArray(new JsonObject
            {
                ["target"] = TaxonReference(related, cwes),
                ["kinds"] = new JsonArray("relevant"),
            });
        }

        return rule;
    }

    private static JsonObject BuildResult(Finding finding, ArtifactLocation location, int ruleIndex, IReadOnlyList<int> cwes)
    {
        var startLine = Math.Max(1, finding.Line);
        var result = new JsonObject
        {
            ["ruleId"] = finding.RuleId,
            ["ruleIndex"] = ruleIndex,
            ["level"] = SarifSeverity.Level(finding.Severity),
            ["message"] = Message(finding.Message),
            ["locations"] = new JsonArray(Location(location, startLine, Math.Max(startLine, finding.EndLine), null)),
        };

        if (finding.SourceLine is int source)
        {
            var sink = Math.Max(1, finding.SinkLine ?? startLine);
            result["relatedLocations"] = new JsonArray(Location(location, Math.Max(1, source), Math.Max(1, source), "untrusted data enters here", id: 1));
            result["codeFlows"] = new JsonArray(new JsonObject
            {
                ["message"] = Message($"untrusted data flows from line {source} to line {sink}"),
                ["threadFlows"] = new JsonArray(new JsonObject
                {
                    ["locations"] = new JsonArray(
                        new JsonObject { ["location"] = Location(location, Math.Max(1, source), Math.Max(1, source), "source"), ["executionOrder"] = 1 },
                        new JsonObject { ["location"] = Location(location, sink, sink, "sink"), ["executionOrder"] = 2 }),
                }),
            });
        }

        if (finding.Cwe is int cwe)
        {
            result["taxa"] = new JsonArray(TaxonReference(cwe, cwes));
        }

        result["properties"] = new JsonObject
        {
            ["severity"] = finding.Severity.ToString(),
            ["confidence"] = finding.Confidence.ToString(),
            ["security-severity"] = SarifSeverity.SecurityScore(finding.Severity),
        };
        return result;
    }

    private static JsonObject BuildCweTaxonomy(IReadOnlyList<int> cwes) => new()
    {
        ["name"] = CweTaxonomy,
        ["organization"] = "MITRE",
        ["shortDescription"] = Message("The MITRE Common Weakness Enumeration"),
        ["informationUri"] = "https://cwe.mitre.org/",
        ["isComprehensive"] = false,
        ["taxa"] = new JsonArray(cwes.Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.ToString(),
            ["name"] = $"CWE-{c}",
            ["shortDescription"] = Message(CweCatalog.ShortName(c)),
            ["helpUri"] = CweCatalog.DefinitionUri(c).AbsoluteUri,
        }).ToArray()),
    };

    private static JsonObject TaxonReference(int cwe, IReadOnlyList<int> cwes)
    {
        var index = 0;
        while (cwes[index] != cwe)
        {
            index++;
        }

        return new JsonObject
        {
            ["id"] = cwe.ToString(),
            ["index"] = index,
            ["toolComponent"] = new JsonObject { ["name"] = CweTaxonomy, ["index"] = 0 },
        };
    }

    private static JsonObject Location(ArtifactLocation artifact, int startLine, int endLine, string? message, int? id = null)
    {
        var location = new JsonObject();
        if (id is not null)
        {
            location["id"] = id;
        }

        location["physicalLocation"] = new JsonObject
        {
            ["artifactLocation"] = artifact.ToJson(),
            ["region"] = new JsonObject { ["startLine"] = startLine, ["endLine"] = endLine },
        };
        if (message is not null)
        {
            location["message"] = Message(message);
        }

        return location;
    }

    private static JsonObject Message(string text) => new() { ["text"] = text };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    private static string? KnownInformationUri(string tool) => tool switch
    {
        "bandit" => "https://bandit.readthedocs.io/",
        _ => null,
    };

    private static ArtifactLocation Locate(string path, SarifLogOptions options)
    {
        if (Path.IsPathRooted(path))
        {
            return new ArtifactLocation(new Uri(path).AbsoluteUri, null, 0);
        }

        var relative = string.Join('/', path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));
        return new ArtifactLocation(relative, options.SourceRoot is null ? null : SourceRootId, 0);
    }

    private static string DirectoryUri(string directory) =>
        new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)) + Path.DirectorySeparatorChar).AbsoluteUri;

    private sealed record ArtifactLocation(string Uri, string? UriBaseId, int Index)
    {
        public JsonObject ToJson(bool withIndex = true)
        {
            var json = new JsonObject { ["uri"] = Uri };
            if (UriBaseId is not null)
            {
                json["uriBaseId"] = UriBaseId;
            }

            if (withIndex)
            {
                json["index"] = Index;
            }

            return json;
        }
    }
}
