namespace SecureGen.Cli.Generate;

/// <summary>What `securegen generate` was asked to do.</summary>
internal sealed record GenerateRequest(
    string PromptFile,
    string Strategy,
    int? Cwe,
    IReadOnlyDictionary<string, string> Parameters,
    bool StorePrompts,
    Uri? Endpoint,
    string? ApiKey,
    string? Model,
    string? EmbeddingModel,
    long Seed,
    float Temperature,
    int MaxTokens,
    int AnalysisWorkers,
    string? SarifPath,
    string? ResultJsonPath,
    string? ConfigPath = null);
