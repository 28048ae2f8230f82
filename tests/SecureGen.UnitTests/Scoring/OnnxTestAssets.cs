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

    private static string SkipAndReturn(string reason)
    {
        Assert.Skip(reason);
        return string.Empty;
    }
}
