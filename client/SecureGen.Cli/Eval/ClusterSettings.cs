using SecureGen.Core.Benchmarks;
using SecureGen.Core.Generation.Caching;
using SecureGen.Core.Generation.Configuration;

namespace SecureGen.Cli.Eval;

/// <summary>How the CLI's embedded silo is set up: LLM endpoints and cache, analysis workers, store, and the tasks whose secure references seed the secure code base.</summary>
internal sealed record ClusterSettings(
    LlmConfiguration Llm,
    IResponseCache? Cache,
    int AnalysisWorkers,
    int Concurrency,
    string DatabasePath,
    IReadOnlyList<BenchmarkTask> CodeBaseTasks);
