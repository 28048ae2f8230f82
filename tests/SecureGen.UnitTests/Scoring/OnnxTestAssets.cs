using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using SecureGen.Core.Scoring;

namespace SecureGen.UnitTests.Scoring;

/// <summary>The committed model the scorer tests run on (ONNX Runtime's native library comes with the test build's NuGet package).</summary>
internal static class OnnxTestAssets
{
    public const string CommittedVersion = "vudenc-v1";

    /// <summary>Sessions on CPU, as the scorer opens them by default.</summary>
    public static OnnxSessionFactory CpuSessions() => new(new ScorerOptions(), NullLogger.Instance);

    public static string ModelsDirectory =>
        ScorerPaths.FindModelsDirectory() ?? throw new InvalidOperationException("the repository's models/ folder (with its 'current' pointer) was not found");

    public static string CommittedModelDirectory => Path.Combine(ModelsDirectory, CommittedVersion);

    public static string CommittedModel => Path.Combine(CommittedModelDirectory, ModelManifest.OnnxFile);

    /// <summary>Copies the committed model into <paramref name="modelsDirectory"/> as <paramref name="version"/>; returns its folder.</summary>
    public static string CopyCommittedModel(string modelsDirectory, string version)
    {
        var target = Directory.CreateDirectory(Path.Combine(modelsDirectory, version)).FullName;
        foreach (var file in Directory.GetFiles(CommittedModelDirectory))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        EditJson(Path.Combine(target, ModelManifest.FileName), manifest => manifest["version"] = version);
        return target;
    }

    public static void EditJson(string path, Action<JsonNode> edit)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
    }
}
