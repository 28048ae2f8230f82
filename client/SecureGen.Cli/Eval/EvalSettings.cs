namespace SecureGen.Cli.Eval;

/// <summary>What `securegen eval` was asked to do.</summary>
internal sealed record EvalSettings(
    string Dataset,
    string? DatasetPath,
    IReadOnlyList<string> Strategies,
    int Samples,
    string OutputDirectory,
    Uri? Endpoint,
    string? ApiKey,
    string Model,
    long Seed,
    float Temperature,
    int MaxTokens,
    int? TaskLimit,
    int Concurrency,
    int AnalysisWorkers,
    string? Cluster = null,
    string? Database = null);
