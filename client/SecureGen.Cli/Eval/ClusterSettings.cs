using SecureGen.Core.Benchmarks;

namespace SecureGen.Cli.Eval;

/// <summary>How the CLI's embedded silo is set up: endpoint, analysis workers, store, and the tasks whose secure references seed the secure code base.</summary>
internal sealed record ClusterSettings(
    Uri Endpoint,
    string? ApiKey,
    string Model,
    string EmbeddingModel,
    int AnalysisWorkers,
    int Concurrency,
    string DatabasePath,
    IReadOnlyList<BenchmarkTask> CodeBaseTasks);
