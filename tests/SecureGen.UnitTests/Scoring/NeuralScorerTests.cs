using Microsoft.Extensions.Logging.Abstractions;
using SecureGen.Core.Scoring;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Scoring;

public sealed class NeuralScorerTests : IDisposable
{
    private const string Vulnerable = "import sqlite3\n\ndef find_user(conn, username):\n    query = \"SELECT id FROM users WHERE username = '%s'\" % username\n    return conn.execute(query).fetchone()\n";
    private const string Fixed = "import sqlite3\n\ndef find_user(conn, username):\n    return conn.execute(\"SELECT id FROM users WHERE username = ?\", (username,)).fetchone()\n";

    private readonly ModelRegistry _registry;

    public NeuralScorerTests()
    {
        _registry = new ModelRegistry(Options(), new FakeClock(), NullLogger<ModelRegistry>.Instance);
    }

    public void Dispose() => _registry.Dispose();

    private static ScorerOptions Options(int maxTokensPerRun = 32_768, int maxSequencesPerRun = 16, int concurrentRuns = 4) => new()
    {
        ModelsDirectory = OnnxTestAssets.ModelsDirectory,
        ModelVersion = OnnxTestAssets.CommittedVersion,
        IntraOpThreads = 1,
        CpuBatching = ScorerBatching.ForCpu() with { MaxTokensPerRun = maxTokensPerRun, MaxSequencesPerRun = maxSequencesPerRun, ConcurrentRuns = concurrentRuns },
    };

    private NeuralScorer Scorer(ScorerOptions? options = null) => new(_registry, options ?? Options(), NullLogger<NeuralScorer>.Instance);

    private static IReadOnlyList<string> Codes()
    {
        var builtin = Directory.GetDirectories(SecureGen.Core.Benchmarks.BuiltinDatasetLoader.LocateTasksFolder())
            .Order(StringComparer.Ordinal)
            .SelectMany(d => new[] { File.ReadAllText(Path.Combine(d, "insecure.py")), File.ReadAllText(Path.Combine(d, "secure.py")) });
        var longCode = string.Concat(Enumerable.Repeat(Vulnerable, 30));
        return [Vulnerable, Fixed, .. builtin, longCode, "x = 1"];
    }

    [Fact]
    public void Scores_of_a_batch_equal_scores_of_each_code_alone()
    {
        var codes = Codes();
        var scorer = Scorer();

        var batched = scorer.Score(codes).Scores!;
        var alone = codes.Select(c => scorer.Score([c]).Scores!.Single()).ToList();

        Assert.Equal(codes.Count, batched.Count);
        for (var i = 0; i < codes.Count; i++)
        {
            Assert.Equal(alone[i].Tokens.Select(t => (t.Text, t.Line)), batched[i].Tokens.Select(t => (t.Text, t.Line)));
            var worst = alone[i].Tokens.Zip(batched[i].Tokens).Max(p => Math.Abs(p.First.Score - p.Second.Score));
            Assert.True(worst < 1e-5, $"code {i}: batched differs from alone by {worst:E2}");
        }
    }

    [Fact]
    public void Small_runs_give_the_same_scores_as_one_big_run()
    {
        var codes = Codes();

        var big = Scorer().Score(codes).Scores!;
        var small = Scorer(Options(maxTokensPerRun: 300)).Score(codes).Scores!;

        Assert.All(big.Zip(small), p => Assert.True(Math.Abs(p.First.Mean!.Value - p.Second.Mean!.Value) < 1e-6));
    }

    [Fact]
    public void Buckets_run_concurrently_give_exactly_the_scores_of_buckets_run_in_turn()
    {
        var codes = Codes();
        var inTurn = Options(maxSequencesPerRun: 2, concurrentRuns: 1);
        var concurrent = Options(maxSequencesPerRun: 2, concurrentRuns: 4);

        var expected = Scorer(inTurn).Score(codes).Scores!;
        var actual = Scorer(concurrent).Score(codes).Scores!;

        Assert.Equal(expected.Select(s => s.Tokens.Select(t => t.Score)), actual.Select(s => s.Tokens.Select(t => t.Score)));
    }

    [Fact]
    public void A_run_that_fails_among_concurrent_runs_leaves_the_whole_batch_unscored_with_the_reason()
    {
        // A vocabulary one token longer than the model's embedding: that token's id is out of the table's bounds,
        // so ONNX Runtime fails the one run that carries it.
        var models = Directory.CreateTempSubdirectory("sg-badvocab-").FullName;
        try
        {
            var version = OnnxTestAssets.CopyCommittedModel(models, "vudenc-broken-vocab");
            var size = 0;
            OnnxTestAssets.EditJson(Path.Combine(version, ModelManifest.VocabularyFile), vocabulary =>
            {
                vocabulary["tokens"]!.AsArray().Add("zz_beyond_the_embedding");
                size = vocabulary["tokens"]!.AsArray().Count;
                vocabulary["size"] = size;
            });
            OnnxTestAssets.EditJson(Path.Combine(version, ModelManifest.FileName), manifest => manifest["vocabulary_size"] = size);
            var options = new ScorerOptions
            {
                ModelsDirectory = models,
                ModelVersion = "vudenc-broken-vocab",
                IntraOpThreads = 1,
                CpuBatching = ScorerBatching.ForCpu() with { MaxSequencesPerRun = 1, ConcurrentRuns = 4 },
            };
            using var registry = new ModelRegistry(options, new FakeClock(), NullLogger<ModelRegistry>.Instance);
            var scorer = new NeuralScorer(registry, options, NullLogger<NeuralScorer>.Instance);
            var healthy = scorer.Score([Vulnerable, Fixed]);
            Assert.True(healthy.Scores is not null, healthy.UnavailableReason);

            var result = scorer.Score([Vulnerable, Fixed, "zz_beyond_the_embedding = 1\n", Vulnerable]);

            Assert.Null(result.Scores);
            Assert.StartsWith("model vudenc-broken-vocab failed: ", result.UnavailableReason, StringComparison.Ordinal);
            Assert.Contains("indices element out of data bounds, idx=10000", result.UnavailableReason, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(models, recursive: true);
        }
    }

    [Fact]
    public void Every_token_gets_a_probability_and_long_code_is_scored_in_windows()
    {
        var longCode = string.Concat(Enumerable.Repeat(Vulnerable, 30));

        var score = Scorer().Score([longCode]).Scores!.Single();

        Assert.Equal(Core.Scoring.PythonTokenizer.Tokenize(longCode).Count, score.Tokens.Count);
        Assert.True(score.Tokens.Count > 2 * OnnxWindow());
        Assert.All(score.Tokens, t => Assert.InRange(t.Score, 0f, 1f));
        Assert.Equal(OnnxTestAssets.CommittedVersion, score.ModelVersion);
        var candidate = score.ToCandidateScore();
        Assert.Equal("scored", candidate.Status);
        Assert.Equal(score.Mean, candidate.MeanTokenScore);
        Assert.Equal(longCode.TrimEnd('\n').Split('\n').Count(l => l.Trim().Length > 0), candidate.Lines!.Count);
    }

    [Fact]
    public void Code_without_tokens_is_unscored_not_zero()
    {
        var score = Scorer().Score(["# only a comment\n"]).Scores!.Single();

        Assert.Null(score.Mean);
        Assert.Equal("unscored", score.ToCandidateScore().Status);
    }

    [Fact]
    public void Without_a_model_the_scorer_fails_closed_with_the_reason()
    {
        var empty = Directory.CreateTempSubdirectory("sg-nomodel-").FullName;
        try
        {
            var options = new ScorerOptions { ModelsDirectory = empty };
            using var registry = new ModelRegistry(options, new FakeClock(), NullLogger<ModelRegistry>.Instance);

            var result = new NeuralScorer(registry, options, NullLogger<NeuralScorer>.Instance).Score([Vulnerable]);

            Assert.Null(result.Scores);
            Assert.Contains("no model version pinned and no 'current' pointer", result.UnavailableReason, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public async Task Batches_scored_from_many_threads_at_once_get_exactly_the_scores_of_one_at_a_time()
    {
        var codes = Codes();
        var scorer = Scorer();
        var expected = scorer.Score(codes).Scores!.Select(s => s.Tokens.Select(t => t.Score).ToArray()).ToList();

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => scorer.Score(codes), TestContext.Current.CancellationToken)));

        Assert.All(concurrent, r => Assert.Equal(expected, r.Scores!.Select(s => s.Tokens.Select(t => t.Score).ToArray())));
    }

    [Fact]
    public void A_model_that_cannot_load_leaves_candidates_unscored_with_onnx_runtimes_reason()
    {
        var models = Directory.CreateTempSubdirectory("sg-corrupt-").FullName;
        try
        {
            var version = OnnxTestAssets.CopyCommittedModel(models, "vudenc-corrupt");
            File.WriteAllText(Path.Combine(version, ModelManifest.OnnxFile), "not a model");
            var options = new ScorerOptions { ModelsDirectory = models, ModelVersion = "vudenc-corrupt" };
            using var registry = new ModelRegistry(options, new FakeClock(), NullLogger<ModelRegistry>.Instance);

            var result = new NeuralScorer(registry, options, NullLogger<NeuralScorer>.Instance).Score([Vulnerable]);

            Assert.Null(result.Scores);
            Assert.Contains("Protobuf parsing failed", result.UnavailableReason, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(models, recursive: true);
        }
    }

    private int OnnxWindow()
    {
        using var lease = _registry.Acquire();
        return lease.Model!.Manifest.Window;
    }
}
