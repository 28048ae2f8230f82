using System.Text.Json.Nodes;
using SecureGen.Core.Scoring;
using SecureGen.Onnx;

namespace SecureGen.UnitTests.Scoring;

/// <summary>The native library (fetched by scripts/fetch-onnxruntime.sh) and the committed model the scorer tests run on.</summary>
internal static class OnnxTestAssets
{
    public const string CommittedVersion = "vudenc-v1";

    public static string LibraryPath =>
        OnnxRuntimeLocator.Find() ?? SkipAndReturn("libonnxruntime.so.1 is not fetched (run scripts/fetch-onnxruntime.sh)");

    public static OnnxRuntime Runtime => OnnxRuntime.Load(LibraryPath);

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

    private static string SkipAndReturn(string reason)
    {
        Assert.Skip(reason);
        return string.Empty;
    }
}
