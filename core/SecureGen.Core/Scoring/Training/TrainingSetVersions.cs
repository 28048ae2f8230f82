using System.Text.Json;
using SecureGen.Core.Reporting;

namespace SecureGen.Core.Scoring.Training;

/// <summary>Training set versions under a data root: folders v1, v2, ... each a full export; the newest is the highest number.</summary>
public static class TrainingSetVersions
{
    public static string? Latest(string dataRoot) =>
        Versions(dataRoot).OrderByDescending(v => v.Number).Select(v => v.Path).FirstOrDefault();

    public static string Next(string dataRoot)
    {
        var next = Versions(dataRoot).Select(v => v.Number).DefaultIfEmpty(0).Max() + 1;
        return Path.Combine(dataRoot, $"v{next}");
    }

    /// <summary>The refinement pairs a version was built with (its refinement_pairs.jsonl), so the next one keeps them.</summary>
    public static IReadOnlyList<RefinementPair> ReadPairs(string versionDirectory)
    {
        var path = Path.Combine(versionDirectory, TrainingDataExporter.RefinementPairsFile);
        if (!File.Exists(path))
        {
            return [];
        }

        return File.ReadLines(path)
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonSerializer.Deserialize<RefinementPair>(l, ResultJson.Options)!)
            .ToList();
    }

    private static IEnumerable<(int Number, string Path)> Versions(string dataRoot)
    {
        if (!Directory.Exists(dataRoot))
        {
            yield break;
        }

        foreach (var dir in Directory.GetDirectories(dataRoot, "v*"))
        {
            if (int.TryParse(System.IO.Path.GetFileName(dir).AsSpan(1), out var n) && File.Exists(System.IO.Path.Combine(dir, TrainingDataExporter.ManifestFile)))
            {
                yield return (n, dir);
            }
        }
    }
}
