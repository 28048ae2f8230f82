using SecureGen.Core.Benchmarks;
using SecureGen.Core.Generation.Caching;
using SecureGen.Core.Generation.Configuration;
using SecureGen.Core.Scoring;

namespace SecureGen.Cli.Eval;

/// <summary>How the CLI's embedded silo is set up: LLM endpoints and cache, analysis workers, sessions in flight, store, scorer, and the tasks whose secure references seed the secure code base.</summary>
/// <param name="DashboardPort">Serve the Orleans dashboard on this loopback port during the run; null serves none.</param>
internal sealed record ClusterSettings(
    LlmConfiguration Llm,
    IResponseCache? Cache,
    int AnalysisWorkers,
    int Concurrency,
    string DatabasePath,
    IReadOnlyList<BenchmarkTask> CodeBaseTasks,
    ScorerOptions Scorer,
    int? DashboardPort = null);
