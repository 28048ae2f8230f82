namespace SecureGen.Cli.Eval;

/// <summary>What `securegen eval` was asked to do.</summary>
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
    string? ConfigPath = null,
    bool NoCache = false);
