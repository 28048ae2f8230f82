using System.Text.Json;
using SecureGen.Core.Strategies;

namespace SecureGen.Cli.Eval;

/// <summary>
/// Strategy names and parameters from the command line: "--strategy all" expands, "--param key=value"
/// (repeatable; a value "@FILE" is read from FILE, handy for prompt templates) overrides a
/// "--params-file" (a JSON object: "key": value, or "strategy": { "key": value }).
/// </summary>
internal static class StrategyArguments
{
    public sealed record Parsed(IReadOnlyList<string> Strategies, IReadOnlyDictionary<string, string> Parameters);

    /// <summary>The strategies and parameters, or a one-line problem.</summary>
    public static (Parsed? Value, string? Problem) Parse(StrategyCatalog catalog, IEnumerable<string> strategyArguments, string? paramsFile, IEnumerable<string> paramArguments)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var strategies = catalog.Expand(strategyArguments.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        if (strategies.Count == 0)
        {
            return (null, "--strategy names no strategy");
        }

        foreach (var name in strategies)
        {
            if (catalog.Problem(name) is { } problem)
            {
                return (null, problem);
            }
        }

        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (paramsFile is not null)
        {
            var problem = ReadFile(paramsFile, parameters);
            if (problem is not null)
            {
                return (null, problem);
            }
        }

        foreach (var argument in paramArguments)
        {
            var at = argument.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
            {
                return (null, $"--param '{argument}' is not key=value");
            }

            var value = argument[(at + 1)..];
            if (value.StartsWith('@'))
            {
                var path = value[1..];
                if (!File.Exists(path))
                {
                    return (null, $"--param {argument[..at]}: file '{path}' does not exist");
                }

                value = File.ReadAllText(path);
            }

            parameters[argument[..at].Trim()] = value;
        }

        var known = strategies.SelectMany(catalog.ParametersOf).Concat(SessionParameters.All).DistinctBy(p => p.Key).ToList();
        if (StrategyParameters.Validate(parameters, known) is { } invalid)
        {
            return (null, invalid);
        }

        return (new Parsed(strategies, parameters), null);
    }

    private static string? ReadFile(string path, Dictionary<string, string> into)
    {
        if (!File.Exists(path))
        {
            return $"--params-file '{path}' does not exist";
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return $"{path}: parameters must be a JSON object";
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    foreach (var inner in property.Value.EnumerateObject())
                    {
                        into[$"{property.Name}.{inner.Name}"] = Scalar(inner.Value);
                    }
                }
                else
                {
                    into[property.Name] = Scalar(property.Value);
                }
            }

            return null;
        }
        catch (JsonException e)
        {
            return $"{path}:{e.LineNumber + 1}: invalid JSON: {e.Message}";
        }
    }

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };
}
