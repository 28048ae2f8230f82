using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureGen.Core.Scoring;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Scoring;

/// <summary>Switching model versions without a restart, by the 'current' pointer or on request.</summary>
public sealed class ModelRegistryTests : IDisposable
{
    private readonly string _models = Directory.CreateTempSubdirectory("sg-models-").FullName;
    private readonly FakeClock _clock = new();

    public ModelRegistryTests()
    {
        OnnxTestAssets.CopyCommittedModel(_models, "vudenc-a");
        OnnxTestAssets.CopyCommittedModel(_models, "vudenc-b");
        ModelPointer.Write(_models, "vudenc-a");
    }

    public void Dispose() => Directory.Delete(_models, recursive: true);

    private ModelRegistry Registry(ILogger<ModelRegistry>? logger = null) =>
        new(new ScorerOptions { ModelsDirectory = _models, PointerCheckInterval = TimeSpan.FromSeconds(5) }, _clock, logger ?? NullLogger<ModelRegistry>.Instance);

    private static string? VersionOf(ModelRegistry registry)
    {
        using var lease = registry.Acquire();
        return lease.Model?.Version;
    }

    [Fact]
    public void A_silo_following_the_pointer_switches_when_it_changes_without_a_restart()
    {
        using var registry = Registry();
        Assert.Equal("vudenc-a", VersionOf(registry));

        ModelPointer.Write(_models, "vudenc-b");
        Assert.Equal("vudenc-a", VersionOf(registry));
        _clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal("vudenc-b", VersionOf(registry));
        var scorer = new NeuralScorer(registry, new ScorerOptions(), NullLogger<NeuralScorer>.Instance);
        Assert.Equal("vudenc-b", scorer.Score(["import os\nos.system(cmd)\n"]).Scores!.Single().ModelVersion);
    }

    [Fact]
    public void A_batch_in_flight_keeps_its_model_across_a_switch()
    {
        using var registry = Registry();
        using var inFlight = registry.Acquire();

        registry.SwitchTo("vudenc-b");

        Assert.Equal("vudenc-b", VersionOf(registry));
        Assert.Equal("vudenc-a", inFlight.Model!.Version);
        Assert.Equal(3, inFlight.Model.Run([[5, 6, 7]])[0].Length);
    }

    [Fact]
    public void A_version_that_fails_to_load_is_logged_and_the_current_one_kept()
    {
        var logger = new ListLogger<ModelRegistry>();
        using var registry = Registry(logger);
        Assert.Equal("vudenc-a", VersionOf(registry));
        Directory.CreateDirectory(Path.Combine(_models, "broken"));
        File.WriteAllText(Path.Combine(_models, "broken", ModelManifest.OnnxFile), "not a model");
        File.WriteAllText(Path.Combine(_models, ModelPointer.FileName), "broken\n");

        _clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal("vudenc-a", VersionOf(registry));
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("cannot switch to model broken", StringComparison.Ordinal));
        Assert.Throws<InvalidOperationException>(() => registry.SwitchTo("broken"));
    }

    [Fact]
    public void The_pointer_only_names_existing_versions()
    {
        Assert.Throws<DirectoryNotFoundException>(() => ModelPointer.Write(_models, "vudenc-z"));
        Assert.Throws<ArgumentException>(() => ModelPointer.Write(_models, "../escape"));
        Assert.Equal("vudenc-a", ModelPointer.Read(_models));
    }
}
