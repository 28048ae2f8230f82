using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureGen.Core.Scoring;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Scoring;

/// <summary>
/// Choosing the execution provider on the test build's CPU package of ONNX Runtime (CI has no GPU): a CUDA request
/// falls back to CPU with exactly one warning that names the reason and the build's providers, and scores as CPU does.
/// </summary>
public sealed class ExecutionProviderTests : IDisposable
{
    private readonly string _models = Directory.CreateTempSubdirectory("sg-providers-").FullName;

    public ExecutionProviderTests()
    {
        OnnxTestAssets.CopyCommittedModel(_models, "vudenc-a");
        OnnxTestAssets.CopyCommittedModel(_models, "vudenc-b");
        ModelPointer.Write(_models, "vudenc-a");
    }

    public void Dispose() => Directory.Delete(_models, recursive: true);

    [Theory]
    [InlineData(ScorerProvider.Cuda)]
    [InlineData(ScorerProvider.Auto)]
    public void A_cuda_request_without_a_usable_gpu_runs_on_cpu_with_one_warning_naming_the_reason(ScorerProvider provider)
    {
        var logger = new ListLogger<ModelRegistry>();
        var options = new ScorerOptions { ModelsDirectory = _models, Provider = provider, CudaDeviceId = 0 };
        using var registry = new ModelRegistry(options, new FakeClock(), logger);
        var scorer = new NeuralScorer(registry, options, NullLogger<NeuralScorer>.Instance);

        var result = scorer.Score(["import os\nos.system(cmd)\n"]);
        registry.SwitchTo("vudenc-b"); // a second model of the same registry does not warn again

        Assert.True(result.Scores is not null, result.UnavailableReason);
        using (var lease = registry.Acquire())
        {
            Assert.Equal("vudenc-b", lease.Model!.Version);
            Assert.Equal(OnnxSessionFactory.CpuProvider, lease.Model.ExecutionProvider);
        }

        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains($"provider {provider.ToString().ToLowerInvariant()} asked for CUDA device 0, which cannot be used", warning.Message, StringComparison.Ordinal);
        Assert.Contains("running on CPU", warning.Message, StringComparison.Ordinal);
        Assert.NotNull(registry.CudaUnavailableReason);
        Assert.Contains(registry.CudaUnavailableReason, warning.Message, StringComparison.Ordinal);
        // The CPU package has no CUDA entry point; a GPU package without CUDA libraries names the missing library instead.
        Assert.Contains("CUDA", registry.CudaUnavailableReason, StringComparison.Ordinal);
        Assert.Contains($"Providers in this ONNX Runtime build: {string.Join(", ", OnnxSessionFactory.AvailableProviders)}", warning.Message, StringComparison.Ordinal);
        Assert.Equal(options.CpuBatching, scorer.Batching);
    }

    [Fact]
    public void Cuda_falls_back_to_exactly_the_scores_of_cpu()
    {
        var code = "import sqlite3\n\ndef find(conn, name):\n    return conn.execute(\"SELECT * FROM t WHERE n = '%s'\" % name)\n";
        ScoringResult Score(ScorerProvider provider)
        {
            var options = new ScorerOptions { ModelsDirectory = _models, Provider = provider };
            using var registry = new ModelRegistry(options, new FakeClock(), NullLogger<ModelRegistry>.Instance);
            return new NeuralScorer(registry, options, NullLogger<NeuralScorer>.Instance).Score([code]);
        }

        Assert.Equal(Score(ScorerProvider.Cpu).Scores!.Single().Tokens, Score(ScorerProvider.Cuda).Scores!.Single().Tokens);
    }

    [Fact]
    public void A_cpu_request_never_touches_cuda_and_warns_about_nothing()
    {
        var logger = new ListLogger<ModelRegistry>();
        var options = new ScorerOptions { ModelsDirectory = _models, Provider = ScorerProvider.Cpu };
        using var registry = new ModelRegistry(options, new FakeClock(), logger);

        using var lease = registry.Acquire();

        Assert.Equal(OnnxSessionFactory.CpuProvider, lease.Model!.ExecutionProvider);
        Assert.DoesNotContain(logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Null(registry.CudaUnavailableReason);
        Assert.Contains(logger.Entries, e => e.Message.Contains("model vudenc-a loaded", StringComparison.Ordinal) && e.Message.EndsWith("on CPUExecutionProvider", StringComparison.Ordinal));
    }

    [Fact]
    public void The_build_lists_the_cpu_provider()
    {
        Assert.Contains(OnnxSessionFactory.CpuProvider, OnnxSessionFactory.AvailableProviders);
    }

    [Fact]
    public void The_test_build_carries_onnx_runtime_from_its_nuget_package_and_only_its_linux_builds()
    {
        var runtimes = Path.Combine(AppContext.BaseDirectory, "runtimes");

        Assert.True(File.Exists(Path.Combine(runtimes, "linux-x64", "native", "libonnxruntime.so")), "no libonnxruntime.so from the Microsoft.ML.OnnxRuntime package in the test output");
        Assert.DoesNotContain(Directory.EnumerateFiles(runtimes, "*onnxruntime*", SearchOption.AllDirectories),
            f => !Path.GetRelativePath(runtimes, f).StartsWith("linux-", StringComparison.Ordinal));
    }
}
