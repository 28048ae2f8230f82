namespace SecureGen.Core.Scoring.Training;

/// <summary>manifest.json of a training set version: where its data came from and how much of it there is.</summary>
public sealed record TrainingDataManifest(
    string Format,
    string Tokenizer,
    DateTimeOffset CreatedAt,
    bool Tiny,
    string DatasetsRoot,
    IReadOnlyList<string> CorpusDirectories,
    int CorpusFiles,
    long CorpusTokens,
    int VocabularySize,
    IReadOnlyList<SourceCounts> Sources,
    int RefinementPairs,
    IReadOnlyList<string> Runs,
    string? PreviousVersion)
{
    public const string CurrentFormat = "securegen-training-data-1";
}
