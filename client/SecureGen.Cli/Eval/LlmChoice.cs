namespace SecureGen.Cli.Eval;

/// <summary>What the user said about the LLM: endpoint, model, key, embedding model, configuration file; all optional.</summary>
/// <param name="SimulatorLatency">Added to every completion of an in-process simulator (tests that stop a run midway).</param>
internal sealed record LlmChoice(Uri? Endpoint, string? Model, string? ApiKey, string? EmbeddingModel, string? ConfigPath, TimeSpan SimulatorLatency);
