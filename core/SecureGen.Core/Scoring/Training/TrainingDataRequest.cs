namespace SecureGen.Core.Scoring.Training;

/// <summary>What `securegen scorer export-data` (and bootstrap) writes, and from where.</summary>
/// <param name="DatasetsRoot">The shared datasets folder holding sven/ and cyberseceval/.</param>
/// <param name="BuiltinTasksFolder">benchmark/tasks; null finds it beside the app or above the working directory.</param>
/// <param name="Tiny">A small subset for CI: a few dozen samples and a small corpus, trained in seconds.</param>
public sealed record TrainingDataRequest(
    string OutputDirectory,
    string DatasetsRoot,
    string? BuiltinTasksFolder,
    IReadOnlyList<string> CorpusDirectories,
    IReadOnlyList<RefinementPair> RefinementPairs,
    bool Tiny = false,
    long MaxCorpusTokens = 3_000_000,
    int VocabularyMinCount = 3,
    int VocabularyMaxSize = 10_000);
