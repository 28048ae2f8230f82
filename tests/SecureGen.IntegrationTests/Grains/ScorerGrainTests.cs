using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using SecureGen.Core.Scoring;
using SecureGen.Core.Sessions;
using SecureGen.Grains;
using SecureGen.Grains.Interfaces;
using SecureGen.Grains.Scorers;
using SecureGen.Silo.Hosting;

namespace SecureGen.IntegrationTests.Grains;

/// <summary>Scorer grains on a TestingHost cluster: placed only on scorer silos, batching across sessions, fail-closed, metrics.</summary>
public sealed class ScorerGrainTests
{
    private const string Code = "import os\n\ndef run(cmd):\n    os.system('sh -c ' + cmd)\n";

    private static List<CandidateCode> Request(string session, int candidates) =>
        Enumerable.Range(0, candidates).Select(i => new CandidateCode($"{session}-c{i}", Code + $"\nvalue_{i} = {i}\n")).ToList();

    private static Task<GrainCluster> StartAsync(ICodeScorer? scorer, string[] roles) =>
        GrainCluster.StartAsync(roles, (_, services) =>
        {
            if (scorer is not null)
            {
                services.AddSingleton(scorer);
            }
        });

    [Fact]
    public async Task Scorer_grains_are_placed_only_on_the_scorer_silo()
    {
        // Both silos could score; only the scorer silo's scorer may ever be called.
        var byRoles = new Dictionary<string, RecordingScorer>();
        await using var cluster = await GrainCluster.StartAsync(["session,candidate,analyzer", "scorer"], (roles, services) =>
        {
            var scorer = new RecordingScorer(TimeSpan.FromMilliseconds(5));
            lock (byRoles)
            {
                byRoles[string.Join(',', roles.Names)] = scorer;
            }

            services.AddSingleton<ICodeScorer>(scorer);
        });

        for (var key = 0; key < 30; key++)
        {
            await cluster.Client.GetGrain<IScorerGrain>(key).ScoreAsync(Request($"s{key}", 1));
        }

        Assert.Equal(30, byRoles["scorer"].BatchSizes.Sum());
        Assert.Empty(byRoles["session,candidate,analyzer"].BatchSizes);
    }

    [Fact]
    public async Task Requests_from_several_sessions_are_scored_in_one_batch_and_each_gets_its_own_scores()
    {
        var scorer = new RecordingScorer(TimeSpan.FromMilliseconds(300));
        await using var cluster = await StartAsync(scorer, ["all"]);
        var grain = cluster.Client.GetGrain<IScorerGrain>(0);

        var replies = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => grain.ScoreAsync(Request($"s{i}", 2))));

        Assert.Equal([10], scorer.BatchSizes);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(2, replies[i].Count);
            Assert.All(replies[i], s => Assert.Equal("scored", s.Status));
            // Each request gets the scores of its own candidates, in order (the fake scores by code length).
            Assert.Equal(Request($"s{i}", 2).Select(c => (double)c.Code.Length).ToList(), replies[i].Select(s => s.MeanTokenScore!.Value).ToList());
        }
    }

    [Fact]
    public async Task A_full_batch_runs_without_waiting_for_the_window()
    {
        // A wait far longer than the test's patience: only the size limit can start this batch.
        var scorer = new RecordingScorer(TimeSpan.FromMinutes(10), maxBatchSize: 4);
        await using var cluster = await StartAsync(scorer, ["all"]);

        var scores = await cluster.Client.GetGrain<IScorerGrain>(0).ScoreAsync(Request("s1", 4)).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(4, scores.Count);
        Assert.Equal([4], scorer.BatchSizes);
    }

    [Fact]
    public async Task Without_a_scorer_candidates_are_unscored_with_the_reason()
    {
        await using var cluster = await StartAsync(null, ["all"]);

        var scores = await cluster.Client.GetGrain<IScorerGrain>(0).ScoreAsync(Request("s1", 3));

        Assert.Equal(3, scores.Count);
        Assert.All(scores, s => Assert.Equal(("unscored", ScorerGrain.UnscoredReason), (s.Status, s.Reason)));
    }

    [Fact]
    public async Task With_the_model_missing_candidates_are_unscored_with_the_reason_and_counted()
    {
        using var listener = new MeasurementCollector(ScorerMetrics.MeterName);
        var empty = Directory.CreateTempSubdirectory("sg-no-models-").FullName;
        try
        {
            await using var cluster = await GrainCluster.StartAsync(["all"], (_, services) => services.AddSecureGenScoring(new ScorerOptions { ModelsDirectory = empty }));

            var scores = await cluster.Client.GetGrain<IScorerGrain>(0).ScoreAsync(Request("s1", 2));

            Assert.All(scores, s => Assert.Equal("unscored", s.Status));
            Assert.All(scores, s => Assert.StartsWith("neural scorer unavailable: ", s.Reason, StringComparison.Ordinal));
            Assert.Contains(2, listener.Values("securegen.scorer.unscored"));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public async Task A_scorer_that_throws_leaves_its_batch_unscored_with_the_reason_instead_of_hanging()
    {
        await using var cluster = await StartAsync(new ThrowingScorer(), ["all"]);

        var scores = await cluster.Client.GetGrain<IScorerGrain>(0).ScoreAsync(Request("s1", 3)).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(3, scores.Count);
        Assert.All(scores, s => Assert.Equal("unscored", s.Status));
        Assert.All(scores, s => Assert.Contains("the scorer failed: InvalidOperationException: onnx session lost", s.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_batch_records_its_size_and_tokens_on_the_scorer_meter()
    {
        using var listener = new MeasurementCollector(ScorerMetrics.MeterName);
        await using var cluster = await StartAsync(new RecordingScorer(TimeSpan.FromMilliseconds(5)), ["all"]);

        await cluster.Client.GetGrain<IScorerGrain>(0).ScoreAsync(Request("s1", 4));

        Assert.Contains(4, listener.Values("securegen.scorer.batch.size"));
        Assert.Contains(1, listener.Values("securegen.scorer.batch.requests"));
        Assert.Contains(4, listener.Values("securegen.scorer.tokens"));
    }

    /// <summary>Scores each code by its length (one token) and records how many codes each call got.</summary>
    private sealed class RecordingScorer(TimeSpan maxWait, int maxBatchSize = 64) : ICodeScorer
    {
        private readonly List<int> _batchSizes = [];

        public ScorerBatching Batching { get; } = new() { MaxWait = maxWait, MaxBatchSize = maxBatchSize };

        public List<int> BatchSizes
        {
            get
            {
                lock (_batchSizes)
                {
                    return [.. _batchSizes];
                }
            }
        }

        public ScoringResult Score(IReadOnlyList<string> codes)
        {
            lock (_batchSizes)
            {
                _batchSizes.Add(codes.Count);
            }

            return new ScoringResult(codes.Select(c => new CodeScore("fake", [new TokenScore("x", 1, c.Length)])).ToList(), null);
        }
    }

    private sealed class ThrowingScorer : ICodeScorer
    {
        public ScorerBatching Batching { get; } = new() { MaxWait = TimeSpan.FromMilliseconds(1) };

        public ScoringResult Score(IReadOnlyList<string> codes) => throw new InvalidOperationException("onnx session lost");
    }

    /// <summary>Collects measurements of one meter's instruments.</summary>
    private sealed class MeasurementCollector : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<(string Instrument, double Value)> _values = [];

        public MeasurementCollector(string meterName)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == meterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<int>((i, v, _, _) => Add(i.Name, v));
            _listener.SetMeasurementEventCallback<long>((i, v, _, _) => Add(i.Name, v));
            _listener.SetMeasurementEventCallback<double>((i, v, _, _) => Add(i.Name, v));
            _listener.Start();
        }

        public List<double> Values(string instrument)
        {
            lock (_values)
            {
                return _values.Where(v => v.Instrument == instrument).Select(v => v.Value).ToList();
            }
        }

        public void Dispose() => _listener.Dispose();

        private void Add(string instrument, double value)
        {
            lock (_values)
            {
                _values.Add((instrument, value));
            }
        }
    }
}
