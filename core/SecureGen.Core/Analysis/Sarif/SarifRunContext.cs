using System.Globalization;
using System.Text.Json;
using static SecureGen.Core.Analysis.Sarif.SarifFindingReader;

namespace SecureGen.Core.Analysis.Sarif;

/// <summary>The parts of one SARIF run that results point into: rules (of the driver and its extensions) and taxonomies.</summary>
internal sealed class SarifRunContext
{
    private readonly List<JsonElement> _driverRules;
    private readonly List<List<JsonElement>> _extensionRules;
    private readonly List<JsonElement> _taxonomies;

    public SarifRunContext(string tool, JsonElement driver, JsonElement run)
    {
        Tool = tool;
        _driverRules = Items(driver, "rules").ToList();
        _extensionRules = Node(run, "tool") is { } t ? Items(t, "extensions").Select(e => Items(e, "rules").ToList()).ToList() : [];
        _taxonomies = Items(run, "taxonomies").ToList();
    }

    public string Tool { get; }

    /// <summary>The rule a result refers to by ruleIndex, rule.index (in the driver or an extension such as a CodeQL query pack), or id.</summary>
    public JsonElement? ResolveRule(JsonElement result)
    {
        var reference = Node(result, "rule");
        var component = reference is { } r && Node(r, "toolComponent") is { } tc ? Integer(tc, "index") : null;
        var rules = component is int c && c >= 0 && c < _extensionRules.Count ? _extensionRules[c] : _driverRules;
        var index = Integer(result, "ruleIndex") ?? (reference is { } byIndex ? Integer(byIndex, "index") : null);
        if (index is int i && i >= 0 && i < rules.Count)
        {
            return rules[i];
        }

        var id = Text(result, "ruleId") ?? (reference is { } byId ? Text(byId, "id") : null);
        if (id is null)
        {
            return null;
        }

        // A hierarchical rule id ("py/sql-injection/variant") may name a sub-rule of a listed one.
        var parent = id.Split('/')[0];
        var all = _driverRules.Concat(_extensionRules.SelectMany(x => x)).ToList();
        return all.Cast<JsonElement?>().FirstOrDefault(rule => Text(rule!.Value, "id") == id)
            ?? all.Cast<JsonElement?>().FirstOrDefault(rule => Text(rule!.Value, "id") == parent);
    }

    /// <summary>The CWE of a result or rule: from taxa, relationships, property tags or a "cwe" property.</summary>
    public int? CweOf(JsonElement element)
    {
        foreach (var taxon in Items(element, "taxa"))
        {
            if (CweOfReference(taxon) is int fromTaxa)
            {
                return fromTaxa;
            }
        }

        foreach (var relationship in Items(element, "relationships"))
        {
            if (Node(relationship, "target") is { } target && CweOfReference(target) is int fromRelationship)
            {
                return fromRelationship;
            }
        }

        if (Node(element, "properties") is { } properties)
        {
            foreach (var tag in Items(properties, "tags"))
            {
                if (tag.ValueKind == JsonValueKind.String && ParseCwe(tag.GetString()) is int fromTag)
                {
                    return fromTag;
                }
            }

            if (Node(properties, "cwe") is { } cwe)
            {
                var values = cwe.ValueKind == JsonValueKind.Array ? cwe.EnumerateArray().ToList() : [cwe];
                foreach (var value in values)
                {
                    var parsed = value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n > 0 ? n
                        : value.ValueKind == JsonValueKind.String ? ParseTaxonId(value.GetString()) : null;
                    if (parsed is int fromProperty)
                    {
                        return fromProperty;
                    }
                }
            }
        }

        return null;
    }

    private int? CweOfReference(JsonElement reference)
    {
        var component = Node(reference, "toolComponent");
        var componentIndex = component is { } ci ? Integer(ci, "index") : null;
        var taxonomy = componentIndex is int t && t >= 0 && t < _taxonomies.Count ? _taxonomies[t] : (JsonElement?)null;
        var componentName = (component is { } cn ? Text(cn, "name") : null) ?? (taxonomy is { } tx ? Text(tx, "name") : null);
        var id = Text(reference, "id");
        if (componentName is null || !componentName.Equals("CWE", StringComparison.OrdinalIgnoreCase))
        {
            // Not from a CWE taxonomy: only an id that says CWE itself counts.
            return ParseCwe(id);
        }

        if (id is null && taxonomy is { } named && Integer(reference, "index") is int taxonIndex)
        {
            id = Items(named, "taxa").Skip(taxonIndex).Select(x => Text(x, "id")).FirstOrDefault();
        }

        return ParseTaxonId(id);
    }

    private static int? ParseTaxonId(string? id) =>
        id is not null && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var plain) && plain > 0 ? plain : ParseCwe(id);
}
