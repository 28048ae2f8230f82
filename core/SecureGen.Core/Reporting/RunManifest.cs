using System.Text;
using System.Text.Json;

namespace SecureGen.Core.Reporting;

/// <summary>
/// run.json: the identity of the run an output folder holds, and the settings that decide its plan
/// (by command-line option name). Resuming keeps the run id, so session ids, and therefore the
/// sessions already stored, stay the same; different settings would make a different run.
/// </summary>
public sealed record RunManifest(string RunId, DateTimeOffset CreatedAt, int PlannedSessions, IReadOnlyDictionary<string, string> Settings)
{
    public const string FileName = "run.json";

    public static RunManifest? TryLoad(string outputDirectory)
    {
        var path = Path.Combine(outputDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(path), ResultJson.Options)
                ?? throw new InvalidDataException($"{path}: empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a valid run manifest ({e.Message})", e);
        }
    }

    public void Save(string outputDirectory)
    {
        var path = Path.Combine(outputDirectory, FileName);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, ResultJson.Indented) + "\n", new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The first setting that differs, as "--name was A, now B"; null when they all match.</summary>
    public string? FirstDifference(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var key in Settings.Keys.Union(settings.Keys).Order(StringComparer.Ordinal))
        {
            var before = Settings.GetValueOrDefault(key, "(unset)");
            var now = settings.GetValueOrDefault(key, "(unset)");
            if (!string.Equals(before, now, StringComparison.Ordinal))
            {
                return $"{key} was {before}, now {now}";
            }
        }

        return null;
    }
}
