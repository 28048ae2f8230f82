using System.Text.Json;
using SecureGen.Core.Reporting;

namespace SecureGen.Core.Scoring.Training;

/// <summary>
/// Writes a training set version: train/val/test.jsonl (<see cref="TrainingSample"/> per line), corpus.jsonl
/// (token ids of unlabeled Python for word2vec, one chunk per line), vocab.json, refinement_pairs.jsonl and
/// manifest.json. Everything is tokenized here, by <see cref="PythonTokenizer"/>; the Python trainer only reads ids.
/// </summary>
public static class TrainingDataExporter
{
    public const string VocabularyFile = "vocab.json";
    public const string CorpusFile = "corpus.jsonl";
    public const string ManifestFile = "manifest.json";
    public const string RefinementPairsFile = "refinement_pairs.jsonl";
    private const int CorpusChunk = 1000;
    private const int TinyPairsPerSource = 40;
    private const long TinyCorpusTokens = 60_000;

    public static TrainingDataManifest Export(TrainingDataRequest request, TimeProvider clock, IReadOnlyList<string>? runs = null, string? previousVersion = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clock);
        var batches = new List<SourceBatch>
        {
            SvenPairReader.Read(Path.Combine(request.DatasetsRoot, "sven")),
            CyberSecEvalReader.Read(Path.Combine(request.DatasetsRoot, "cyberseceval")),
            BuiltinReferenceReader.Read(request.BuiltinTasksFolder),
            RunResultsReader.ToTrainingItems(request.RefinementPairs),
        };
        if (request.Tiny)
        {
            batches = batches.Select(b => b with { Items = b.Items.Take(TinyPairsPerSource * 2).ToList() }).ToList();
        }

        var tokenized = batches
            .SelectMany(b => b.Items)
            .Select(item => (Item: item, Split: DataSplit.Of(item.Group), Tokens: PythonTokenizer.Tokenize(item.Code)))
            .Where(x => x.Tokens.Count > 0)
            .ToList();

        var corpusBudget = request.Tiny ? Math.Min(TinyCorpusTokens, request.MaxCorpusTokens) : request.MaxCorpusTokens;
        var corpus = PythonCorpus.Tokenize(request.CorpusDirectories, corpusBudget).ToList();
        var vocabulary = Vocabulary.Build(
            corpus.Select(c => c.Tokens).Concat(tokenized.Where(t => t.Split == DataSplit.Train).Select(t => t.Tokens)),
            request.VocabularyMinCount,
            request.VocabularyMaxSize);

        Directory.CreateDirectory(request.OutputDirectory);
        vocabulary.Save(Path.Combine(request.OutputDirectory, VocabularyFile));
        var samples = tokenized.Select(t => ToSample(t.Item, t.Split, t.Tokens, vocabulary)).ToList();
        foreach (var split in DataSplit.All)
        {
            WriteJsonLines(Path.Combine(request.OutputDirectory, $"{split}.jsonl"), samples.Where(s => s.Split == split));
        }

        long corpusTokens = 0;
        using (var writer = new StreamWriter(Path.Combine(request.OutputDirectory, CorpusFile)))
        {
            foreach (var (_, tokens) in corpus)
            {
                var ids = vocabulary.Ids(tokens);
                corpusTokens += ids.Length;
                for (var start = 0; start < ids.Length; start += CorpusChunk)
                {
                    writer.WriteLine(JsonSerializer.Serialize(new { ids = ids[start..Math.Min(ids.Length, start + CorpusChunk)] }));
                }
            }
        }

        WriteJsonLines(Path.Combine(request.OutputDirectory, RefinementPairsFile), request.RefinementPairs.DistinctBy(p => p.Key));
        var manifest = new TrainingDataManifest(
            TrainingDataManifest.CurrentFormat,
            PythonTokenizer.Version,
            clock.GetUtcNow(),
            request.Tiny,
            request.DatasetsRoot,
            request.CorpusDirectories,
            corpus.Count,
            corpusTokens,
            vocabulary.Count,
            batches.Select(b => Count(b, samples)).ToList(),
            request.RefinementPairs.DistinctBy(p => p.Key).Count(),
            runs ?? [],
            previousVersion);
        File.WriteAllText(Path.Combine(request.OutputDirectory, ManifestFile), JsonSerializer.Serialize(manifest, ResultJson.Indented));
        return manifest;
    }

    private static TrainingSample ToSample(LabeledCode item, string split, IReadOnlyList<CodeToken> tokens, Vocabulary vocabulary)
    {
        var labels = new int[tokens.Count];
        var lines = new int[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            lines[i] = tokens[i].Line;
            labels[i] = item.VulnerableLines.Contains(tokens[i].Line) ? 1 : 0;
        }

        return new TrainingSample(item.Id, item.Source, item.Group, split, item.Cwe, item.PairId, item.Role, vocabulary.Ids(tokens), labels, lines);
    }

    private static SourceCounts Count(SourceBatch batch, IReadOnlyList<TrainingSample> samples)
    {
        var mine = samples.Where(s => s.Source == batch.Source).ToList();
        return new SourceCounts(
            batch.Source,
            mine.Count(s => s.Split == DataSplit.Train),
            mine.Count(s => s.Split == DataSplit.Validation),
            mine.Count(s => s.Split == DataSplit.Test),
            mine.Select(s => s.Group).Distinct(StringComparer.Ordinal).Count(),
            mine.Sum(s => (long)s.Ids.Length),
            mine.Sum(s => (long)s.Labels.Sum()),
            batch.Skipped,
            batch.Skipped > 0 ? batch.SkipReason : null);
    }

    private static void WriteJsonLines<T>(string path, IEnumerable<T> rows)
    {
        using var writer = new StreamWriter(path);
        foreach (var row in rows)
        {
            writer.WriteLine(JsonSerializer.Serialize(row, ResultJson.Options));
        }
    }
}
