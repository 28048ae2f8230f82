using System.Diagnostics.Metrics;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SecureGen.Contracts;
using SecureGen.Core.Scoring;
using SecureGen.Grains;
using SecureGen.Grains.Scorers;
using SecureGen.Silo.Hosting;
using SecureGen.UnitTests.Scoring;

namespace SecureGen.UnitTests.Grains;

/// <summary>The ScorerGrain on MassTransit's test harness: batching across sessions, real scores, fail-closed, metrics.</summary>
public sealed class ScorerGrainTests
{
    private const string Code = "import os\n\ndef run(cmd):\n    os.system('sh -c ' + cmd)\n";

    private static ServiceProvider Build(ScorerOptions? scoring, TimeSpan window, Action<IServiceCollection>? extra = null)
    {
        var services = new ServiceCollection().AddLogging();
        if (scoring is not null)
        {
            services.AddSecureGenScoring(scoring);
        }

        extra?.Invoke(services);
        var grainOptions = new GrainOptions { ScorerBatchWindow = window, ScorerBatchSize = 64 };
        return services
            .AddSingleton(Options.Create(grainOptions))
            .AddMassTransitTestHarness(bus => bus.AddSecureGenGrains(GrainRoles.Scorer, grainOptions))
            .BuildServiceProvider(validateScopes: true);
    }

    private static ScorerOptions CommittedModel() => new()
    {
        ModelsDirectory = OnnxTestAssets.ModelsDirectory,
        ModelVersion = OnnxTestAssets.CommittedVersion,
    };

    private static ScoreCandidates Request(string session, int candidates) =>
        new(session, Enumerable.Range(0, candidates).Select(i => new CandidateCode($"{session}-c{i}", Code + $"\nvalue_{i} = {i}\n")).ToList());

    [Fact]
    public async Task Candidates_come_back_scored_with_the_mean_token_score_and_model_version()
    {
        await using var provider = Build(CommittedModel(), TimeSpan.FromMilliseconds(5));
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        var response = await harness.GetRequestClient<ScoreCandidates>().GetResponse<CandidatesScored>(Request("s1", 3), TestContext.Current.CancellationToken);

        Assert.Equal("s1", response.Message.SessionId);
        Assert.Equal(3, response.Message.Scores.Count);
        Assert.All(response.Message.Scores, s =>
        {
            Assert.Equal("scored", s.Status);
            Assert.InRange(s.MeanTokenScore!.Value, 0, 1);
            Assert.Equal(OnnxTestAssets.CommittedVersion, s.ModelVersion);
            Assert.NotEmpty(s.Lines!);
        });
        var expected = provider.GetRequiredService<ICodeScorer>().Score([Request("s1", 3).Candidates[1].Code]).Scores!.Single().Mean!.Value;
        Assert.Equal(expected, response.Message.Scores[1].MeanTokenScore!.Value, 5);
    }

    [Fact]
    public async Task Requests_from_several_sessions_are_scored_in_one_batch_and_each_gets_its_own_scores()
    {
        var recorder = new RecordingScorer();
        await using var provider = Build(null, TimeSpan.FromMilliseconds(500), s => s.AddSingleton<ICodeScorer>(recorder));
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var client = harness.GetRequestClient<ScoreCandidates>();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => client.GetResponse<CandidatesScored>(Request($"s{i}", i + 1), TestContext.Current.CancellationToken)));

        Assert.True(recorder.BatchSizes.Max() > 6, $"batches were {string.Join(", ", recorder.BatchSizes)}: requests were not combined");
        foreach (var (response, i) in responses.Select((r, i) => (r, i)))
        {
            Assert.Equal($"s{i}", response.Message.SessionId);
            Assert.Equal(i + 1, response.Message.Scores.Count);
            Assert.Equal(Enumerable.Range(0, i + 1).Select(c => (double)(Code.Length + $"\nvalue_{c} = {c}\n".Length)), response.Message.Scores.Select(s => s.MeanTokenScore!.Value));
        }
    }

    [Fact]
    public async Task Without_a_scorer_candidates_are_unscored_with_the_reason()
    {
        await using var provider = Build(null, TimeSpan.FromMilliseconds(5));
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        var response = await harness.GetRequestClient<ScoreCandidates>().GetResponse<CandidatesScored>(Request("s1", 2), TestContext.Current.CancellationToken);

        Assert.All(response.Message.Scores, s => Assert.Equal(("unscored", (double?)null, ScorerGrain.UnscoredReason), (s.Status, s.MeanTokenScore, s.Reason)));
    }

    [Fact]
    public async Task With_the_model_missing_candidates_are_unscored_with_the_reason_and_counted()
    {
        var empty = Directory.CreateTempSubdirectory("sg-grain-nomodel-").FullName;
        using var listener = new MeasurementCollector(ScorerMetrics.MeterName);
        try
        {
            await using var provider = Build(new ScorerOptions { ModelsDirectory = empty }, TimeSpan.FromMilliseconds(5));
            var harness = provider.GetRequiredService<ITestHarness>();
            await harness.Start();

            var response = await harness.GetRequestClient<ScoreCandidates>().GetResponse<CandidatesScored>(Request("s1", 2), TestContext.Current.CancellationToken);

            Assert.All(response.Message.Scores, s =>
            {
                Assert.Equal("unscored", s.Status);
                Assert.Null(s.MeanTokenScore);
                Assert.StartsWith("neural scorer unavailable: no model version pinned", s.Reason, StringComparison.Ordinal);
            });
            Assert.Contains(listener.Values("securegen.scorer.unscored"), v => v == 2);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public async Task Each_batch_records_its_size_latency_and_tokens_on_the_scorer_meter()
    {
        using var listener = new MeasurementCollector(ScorerMetrics.MeterName);
        await using var provider = Build(CommittedModel(), TimeSpan.FromMilliseconds(5));
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        await harness.GetRequestClient<ScoreCandidates>().GetResponse<CandidatesScored>(Request("s1", 4), TestContext.Current.CancellationToken);

        Assert.Contains(4, listener.Values("securegen.scorer.batch.size"));
        Assert.Contains(1, listener.Values("securegen.scorer.batch.requests"));
        Assert.Contains(listener.Values("securegen.scorer.tokens"), v => v > 40);
        Assert.Contains(listener.Values("securegen.scorer.batch.duration"), v => v > 0);
    }

    /// <summary>Scores each code by its length and records how many codes each call got.</summary>
    private sealed class RecordingScorer : ICodeScorer
    {
        public List<int> BatchSizes { get; } = [];

        public ScoringResult Score(IReadOnlyList<string> codes)
        {
            lock (BatchSizes)
            {
                BatchSizes.Add(codes.Count);
            }

            return new ScoringResult(codes.Select(c => new CodeScore("fake", [new TokenScore("x", 1, c.Length)])).ToList(), null);
        }
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
