using System.Text.Json;
using SecureGen.Core.Scoring;
using SecureGen.Onnx;

namespace SecureGen.UnitTests.Scoring;

/// <summary>The committed model, run through our C API wrapper, reproduces the outputs PyTorch wrote when it was trained.</summary>
public sealed class CommittedModelParityTests
{
    [Fact]
    public void The_committed_model_reproduces_its_parity_file_within_its_tolerance()
    {
        using var parity = JsonDocument.Parse(File.ReadAllText(Path.Combine(OnnxTestAssets.CommittedModelDirectory, ModelManifest.ParityFile)));
        var root = parity.RootElement;
        var ids = root.GetProperty("inputs").GetProperty("token_ids").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetInt64()).ToArray()).ToArray();
        var lengths = root.GetProperty("inputs").GetProperty("lengths").EnumerateArray().Select(v => v.GetInt64()).ToArray();
        var expected = root.GetProperty("outputs").GetProperty("probabilities").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetSingle()).ToArray()).ToArray();
        var tolerance = root.GetProperty("tolerance").GetDouble();
        Assert.True(tolerance <= 1e-4);
        Assert.True(ids.Length >= 3, "the parity file holds several sequences");

        using var session = OnnxTestAssets.Runtime.OpenSession(OnnxTestAssets.CommittedModel, new SessionSettings());
        var width = ids[0].Length;
        var output = session.Run([
            TensorInput.FromInt64Buffer("token_ids", ids.SelectMany(r => r).ToArray(), ids.Length, width),
            TensorInput.FromInt64Buffer("lengths", lengths, lengths.Length),
        ])[0];

        Assert.Equal([ids.Length, width], output.Shape);
        var worst = 0.0;
        for (var row = 0; row < ids.Length; row++)
        {
            for (var column = 0; column < width; column++)
            {
                worst = Math.Max(worst, Math.Abs(output.At(row, column) - expected[row][column]));
            }
        }

        Assert.True(worst <= tolerance, $"largest difference from PyTorch {worst:E2} exceeds {tolerance:E0}");
        Assert.Contains(expected.SelectMany(r => r), v => v > 0.001f);
    }

    [Fact]
    public void The_committed_model_manifest_vocabulary_and_pointer_agree()
    {
        var model = VulnerabilityModel.Load(OnnxTestAssets.CommittedModelDirectory, OnnxTestAssets.Runtime, new SessionSettings(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        using (model)
        {
            Assert.Equal(OnnxTestAssets.CommittedVersion, model.Version);
            Assert.Equal(PythonTokenizer.Version, model.Vocabulary.TokenizerVersion);
            Assert.Equal(OnnxTestAssets.CommittedVersion, ModelPointer.Read(OnnxTestAssets.ModelsDirectory));
        }
    }
}
