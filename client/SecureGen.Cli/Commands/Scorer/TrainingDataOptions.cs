using System.CommandLine;
using SecureGen.Core.Scoring;
using SecureGen.Core.Scoring.Training;

namespace SecureGen.Cli.Commands.Scorer;

/// <summary>The options export-data and bootstrap share: where the datasets, tasks and corpus are.</summary>
internal sealed class TrainingDataOptions
{
    public Option<string?> Datasets { get; } = new("--datasets") { Description = "Shared datasets folder with sven/ and cyberseceval/ (default: ../shared/datasets beside the repository)." };

    public Option<string?> Tasks { get; } = new("--tasks") { Description = "Built-in benchmark tasks folder (default: benchmark/tasks)." };

    public Option<string[]> Corpus { get; } = new("--corpus") { Description = "Folders of Python source for word2vec (default: the Python standard library under /usr/lib/python3*).", AllowMultipleArgumentsPerToken = true };

    public Option<long> MaxCorpusTokens { get; } = new("--max-corpus-tokens") { Description = "Token budget of the word2vec corpus.", DefaultValueFactory = _ => 3_000_000 };

    public Option<bool> Tiny { get; } = new("--tiny") { Description = "A small subset for CI: trains in seconds." };

    public IEnumerable<Option> All => [Datasets, Tasks, Corpus, MaxCorpusTokens, Tiny];

    /// <summary>The request, or a one-line problem with the options.</summary>
    public (TrainingDataRequest? Request, string? Problem) Build(ParseResult parse, string outputDirectory, IReadOnlyList<RefinementPair> pairs)
    {
        var datasets = parse.GetValue(Datasets) ?? ScorerPaths.DefaultDatasetsRoot();
        if (datasets is null || !Directory.Exists(datasets))
        {
            return (null, $"datasets folder not found ('{datasets ?? "../shared/datasets"}'); pass --datasets DIR");
        }

        var corpus = parse.GetValue(Corpus) is { Length: > 0 } given ? given : PythonCorpus.DefaultDirectories();
        if (corpus.Count == 0)
        {
            return (null, "no Python corpus for word2vec found under /usr/lib/python3*; pass --corpus DIR");
        }

        var missing = corpus.FirstOrDefault(d => !Directory.Exists(d));
        if (missing is not null)
        {
            return (null, $"corpus folder '{missing}' does not exist");
        }

        return (new TrainingDataRequest(
            Path.GetFullPath(outputDirectory),
            Path.GetFullPath(datasets),
            parse.GetValue(Tasks),
            corpus.Select(Path.GetFullPath).ToList(),
            pairs,
            parse.GetValue(Tiny),
            parse.GetValue(MaxCorpusTokens)), null);
    }
}
