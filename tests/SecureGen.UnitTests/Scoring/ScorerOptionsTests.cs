using Microsoft.Extensions.Configuration;
using SecureGen.Core.Scoring;

namespace SecureGen.UnitTests.Scoring;

/// <summary>ScorerOptions are plain properties a configuration section binds onto, with per-provider batching.</summary>
public sealed class ScorerOptionsTests
{
    [Fact]
    public void The_scorer_section_binds_provider_models_and_per_provider_batching_over_the_defaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SecureGen:Scorer:Provider"] = "auto",
            ["SecureGen:Scorer:CudaDeviceId"] = "1",
            ["SecureGen:Scorer:ModelsDirectory"] = "/srv/models",
            ["SecureGen:Scorer:CudaBatching:MaxBatchSize"] = "1024",
            ["SecureGen:Scorer:CudaBatching:MaxWait"] = "00:00:00.050",
            ["SecureGen:Scorer:CpuBatching:ConcurrentRuns"] = "3",
        }).Build();
        var options = new ScorerOptions();

        configuration.GetSection("SecureGen:Scorer").Bind(options);

        Assert.Equal((ScorerProvider.Auto, 1, "/srv/models"), (options.Provider, options.CudaDeviceId, options.ModelsDirectory));
        Assert.Equal(ScorerBatching.ForCuda() with { MaxBatchSize = 1024, MaxWait = TimeSpan.FromMilliseconds(50) }, options.CudaBatching);
        Assert.Equal(ScorerBatching.ForCpu() with { ConcurrentRuns = 3 }, options.CpuBatching);
    }

    [Fact]
    public void Cpu_keeps_the_measured_best_and_cuda_batches_wider()
    {
        var options = new ScorerOptions();

        Assert.Equal((16, Environment.ProcessorCount, 64), (options.CpuBatching.MaxSequencesPerRun, options.CpuBatching.ConcurrentRuns, options.CpuBatching.MaxBatchSize));
        Assert.True(options.CudaBatching.MaxBatchSize > options.CpuBatching.MaxBatchSize);
        Assert.True(options.CudaBatching.MaxSequencesPerRun > options.CpuBatching.MaxSequencesPerRun);
        Assert.True(options.CudaBatching.MaxWait > options.CpuBatching.MaxWait);
        Assert.Same(options.CudaBatching, options.BatchingFor(OnnxSessionFactory.CudaProvider));
        Assert.Same(options.CpuBatching, options.BatchingFor(OnnxSessionFactory.CpuProvider));
    }
}
