namespace SecureGen.Cli.Eval;

/// <summary>What `securegen eval` was asked to do.</summary>
/// <param name="Strategies">Names as given ("all" and comma lists are expanded by the runner).</param>
/// <param name="Parameters">Strategy parameters from --params-file and --param, already validated.</param>
/// <param name="StorePrompts">False with --no-store-prompts: traces keep only each prompt's SHA-256.</param>
/// <param name="Model">Null: the configuration's default model, else the endpoint's.</param>
/// <param name="ConfigPath">LLM configuration file (endpoints, limits, prices, cache).</param>
/// <param name="NoCache">Bypass the response cache: neither read nor write it.</param>
internal sealed record EvalSettings(
    string Dataset,
    string? DatasetPath,
    IReadOnlyList<string> Strategies,
    int Samples,
    string OutputDirectory,
    Uri? Endpoint,
    string? ApiKey,
    string? Model,
    long Seed,
    float Temperature,
    int MaxTokens,
    int? TaskLimit,
    int Concurrency,
    int AnalysisWorkers,
    IReadOnlyDictionary<string, string>? Parameters = null,
    bool StorePrompts = true,
    string? EmbeddingModel = null,
    string? Cluster = null,
    string? Database = null,
    string? ConfigPath = null,
    bool NoCache = false)
{
    /// <summary>--cwe: keep only tasks of these CWEs.</summary>
    public IReadOnlyList<int> Cwes { get; init; } = [];

    /// <summary>--task-id: keep only these tasks.</summary>
    public IReadOnlyList<string> TaskIds { get; init; } = [];

    /// <summary>--resume: continue the run whose run.json is in the output directory.</summary>
    public bool Resume { get; init; }

    /// <summary>--dashboard PORT: serve the Orleans dashboard of the embedded silo on this loopback port during the run.</summary>
    public int? DashboardPort { get; init; }

    /// <summary>Hidden --simulator-latency-ms: slows the in-process simulator (tests that stop a run midway).</summary>
    public int SimulatorLatencyMs { get; init; }

    /// <summary>How the plan samples each (task, strategy): the part of the settings the shared run plan reads.</summary>
    public Core.Sessions.RunPlanOptions PlanOptions => new(Strategies, Samples, Seed, Temperature, MaxTokens, Parameters, StorePrompts);
}
