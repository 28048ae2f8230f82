using System.Text.Json;

namespace SecureGen.Core.Benchmarks.Loaders;

/// <summary>One record of a dataset file with where it came from, so that every complaint can name the file and line.</summary>
internal sealed record DatasetRecord(string File, int Line, IReadOnlyDictionary<string, string?> Fields)
{
    public static DatasetRecord FromJson(string file, int line, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new DatasetFormatException(file, line, $"expected a JSON object, found {element.ValueKind}");
        }

        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            fields[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Null => null,
                _ => property.Value.GetRawText(),
            };
        }

        return new DatasetRecord(file, line, fields);
    }

    /// <summary>The first non-empty field among the given names, or a format error naming them.</summary>
    public string Required(params string[] names) =>
        Optional(names) ?? throw new DatasetFormatException(File, Line, $"missing field '{names[0]}'");

    public string? Optional(params string[] names)
    {
        foreach (var name in names)
        {
            if (Fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value;
            }
        }

        return null;
    }
}
