namespace SecureGen.Core.Scoring.Training;

/// <summary>Per source: samples and vulnerable tokens in each split, and what was left out.</summary>
public sealed record SourceCounts(
    string Source,
    int Train,
    int Validation,
    int Test,
    int Groups,
    long Tokens,
    long VulnerableTokens,
    int Skipped,
    string? SkipReason);
