using System.Text.Json;
using SecureGen.Core.Scoring;

namespace SecureGen.UnitTests.Scoring;

/// <summary>The committed model, run the way the scorer runs it (ONNX Runtime's managed API over pinned buffers), reproduces the outputs PyTorch wrote when it was trained.</summary>
public sealed class CommittedModelParityTests
{
    [Fact]
    public void The_committed_model_reproduces_its_parity_file_within_its_tolerance()
    {
        using var parity = JsonDocument.Parse(File.ReadAllText(Path.Combine(OnnxTestAssets.CommittedModelDirectory, ModelManifest.ParityFile)));
        var root = parity.RootElement;
        var lengths = root.GetProperty("inputs").GetProperty("lengths").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var sequences = root.GetProperty("inputs").GetProperty("token_ids").EnumerateArray()
            .Select((r, i) => r.EnumerateArray().Take(lengths[i]).Select(v => v.GetInt32()).ToArray()).ToList();
        var expected = root.GetProperty("outputs").GetProperty("probabilities").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetSingle()).ToArray()).ToArray();
        var tolerance = root.GetProperty("tolerance").GetDouble();
        Assert.True(tolerance <= 1e-4);
        Assert.True(sequences.Count >= 3, "the parity file holds several sequences");
        Assert.True(lengths.Distinct().Count() > 1, "sequences of different lengths, so padding is exercised");

        using var model = VulnerabilityModel.Load(OnnxTestAssets.CommittedModelDirectory, OnnxTestAssets.CpuSessions());
        var output = model.Run(sequences);

        var worst = 0.0;
        for (var row = 0; row < sequences.Count; row++)
        {
            Assert.Equal(lengths[row], output[row].Length);
            for (var column = 0; column < lengths[row]; column++)
            {
                worst = Math.Max(worst, Math.Abs(output[row][column] - expected[row][column]));
            }
        }

        Assert.True(worst <= tolerance, $"largest difference from PyTorch {worst:E2} exceeds {tolerance:E0}");
        Assert.Contains(expected.SelectMany(r => r), v => v > 0.001f);
    }

    [Fact]
    public void The_committed_model_manifest_vocabulary_and_pointer_agree()
    {
        using var model = VulnerabilityModel.Load(OnnxTestAssets.CommittedModelDirectory, OnnxTestAssets.CpuSessions());

        Assert.Equal(OnnxTestAssets.CommittedVersion, model.Version);
        Assert.Equal(PythonTokenizer.Version, model.Vocabulary.TokenizerVersion);
        Assert.Equal(OnnxTestAssets.CommittedVersion, ModelPointer.Read(OnnxTestAssets.ModelsDirectory));
        Assert.Equal(OnnxSessionFactory.CpuProvider, model.ExecutionProvider);
    }
}
