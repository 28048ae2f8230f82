using SecureGen.Tests.Shared;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SecureGen.Core.Scoring;
using SecureGen.IntegrationTests.Support;

namespace SecureGen.IntegrationTests.Scoring;

/// <summary>
/// The whole training path as CI runs it: our CLI exports a tiny training set, models/train.py --tiny trains and
/// exports a model in seconds, and the exported model loads and runs through ONNX Runtime's managed API and the scorer.
/// </summary>
public sealed class TinyTrainingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sg-tiny-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_tiny_model_trained_from_our_export_loads_and_scores_through_the_scorer()
    {
        TrainingTools.RequireTorch();
        var data = Path.Combine(_dir, "data");
        var models = Path.Combine(_dir, "models");

        var export = await CliProcess.RunAsync("scorer", "export-data", "--tiny", "--out", data, "--datasets", SharedDatasets.RequireAll("sven", "cyberseceval"));
        Assert.True(export.ExitCode == 0, $"export-data exit {export.ExitCode}: {export.Stderr}{export.Stdout}");
        Assert.True(File.Exists(Path.Combine(data, "train.jsonl")));

        var train = TrainingTools.Run("/usr/bin/python3", [TrainingTools.TrainScript, "--tiny", "--data", data, "--out", Path.Combine(models, "tiny-ci"), "--version", "tiny-ci"], TimeSpan.FromMinutes(5));
        Assert.True(train.ExitCode == 0, $"train.py exit {train.ExitCode}: {train.Stderr}");
        foreach (var file in new[] { "model.onnx", "model.json", "vocab.json", "parity.json", "report.json", "MODEL_CARD.md" })
        {
            Assert.True(File.Exists(Path.Combine(models, "tiny-ci", file)), $"train.py wrote no {file}");
        }

        using var model = VulnerabilityModel.Load(Path.Combine(models, "tiny-ci"), new OnnxSessionFactory(new ScorerOptions(), NullLogger.Instance));
        Assert.Equal("tiny-ci", model.Version);
        AssertParity(model, Path.Combine(models, "tiny-ci", "parity.json"));

        ModelPointer.Write(models, "tiny-ci");
        var code = Path.Combine(_dir, "candidate.py");
        await File.WriteAllTextAsync(code, "import os\n\ndef ping(host):\n    os.system('ping -c 1 ' + host)\n", TestContext.Current.CancellationToken);
        var score = await CliProcess.RunAsync("scorer", "score", code, "--models", models);
        Assert.True(score.ExitCode == 0, $"score exit {score.ExitCode}: {score.Stderr}{score.Stdout}");
        Assert.Contains("tiny-ci", score.Stdout, StringComparison.Ordinal);
    }

    private static void AssertParity(VulnerabilityModel model, string parityPath)
    {
        using var parity = JsonDocument.Parse(File.ReadAllText(parityPath));
        var inputs = parity.RootElement.GetProperty("inputs");
        var lengths = inputs.GetProperty("lengths").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var sequences = inputs.GetProperty("token_ids").EnumerateArray()
            .Select((row, i) => row.EnumerateArray().Take(lengths[i]).Select(v => v.GetInt32()).ToArray()).ToList();
        var expected = parity.RootElement.GetProperty("outputs").GetProperty("probabilities").EnumerateArray()
            .Select(r => r.EnumerateArray().Select(v => v.GetSingle()).ToArray()).ToList();

        var actual = model.Run(sequences);

        for (var row = 0; row < sequences.Count; row++)
        {
            for (var i = 0; i < lengths[row]; i++)
            {
                Assert.True(Math.Abs(actual[row][i] - expected[row][i]) <= 1e-4, $"row {row} token {i}: {actual[row][i]} vs PyTorch {expected[row][i]}");
            }
        }
    }
}
