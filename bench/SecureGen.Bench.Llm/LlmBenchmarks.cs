using System.Diagnostics;
using SecureGen.Core.Generation;
using SecureGen.Core.Generation.Caching;
using SecureGen.Core.Generation.Resilience;
using SecureGen.Simulator;

namespace SecureGen.Bench.Llm;

/// <summary>The measurements: per-call overhead of each layer with no simulated latency, and sustained throughput under simulated latency.</summary>
internal static class LlmBenchmarks
{
    private static readonly ChatRequest Task = new(
        [ChatTurn.User("Complete the function `ping_host`.\n\n```python\nimport subprocess\n\n\ndef ping_host(host: str) -> str:\n    \"\"\"Ping host.\"\"\"\n```")],
        SimulatorServer.ModelName,
        Seed: 1);

    public static LlmEndpointOptions Endpoint(SimulatorServer server, int concurrency) => new()
    {
        Name = "bench-simulator",
        BaseUrl = server.BaseUrl,
        Model = SimulatorServer.ModelName,
        MaxConcurrency = concurrency,
        CircuitBreakerFailures = 0,
    };

    /// <summary>Calls that are not measured: JIT, connection pool, first-use costs.</summary>
    public static async Task WarmUpAsync(IChatModel model, long firstSeed, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 30; i++)
        {
            await model.CompleteAsync(Task with { Seed = firstSeed + i }, cancellationToken);
        }
    }

    /// <summary>
    /// Sequential calls (one in flight) through each model in turn, interleaved call by call so that machine noise hits
    /// every path alike; each call has a distinct seed so no layer can shortcut it.
    /// </summary>
    public static async Task<LatencySummary[]> InterleavedAsync(IReadOnlyList<IChatModel> models, int calls, long firstSeed, CancellationToken cancellationToken)
    {
        var times = models.Select(_ => new List<double>(calls)).ToArray();
        for (var i = 0; i < calls; i++)
        {
            for (var m = 0; m < models.Count; m++)
            {
                var started = Stopwatch.GetTimestamp();
                await models[m].CompleteAsync(Task with { Seed = firstSeed + (m * 1_000_000L) + i }, cancellationToken);
                times[m].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return times.Select(LatencySummary.Of).ToArray();
    }

    /// <summary>Replays requests already in the cache: the cost of a hit.</summary>
    public static async Task<LatencySummary> CacheHitsAsync(IChatModel cached, int calls, long firstSeed, CancellationToken cancellationToken)
    {
        var times = new List<double>(calls);
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var reply = await cached.CompleteAsync(Task with { Seed = firstSeed + i }, cancellationToken);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!reply.Cached)
            {
                throw new InvalidOperationException("expected a cache hit");
            }
        }

        return LatencySummary.Of(times);
    }

    /// <summary>
    /// <paramref name="workers"/> loops each issue <paramref name="callsPerWorker"/> calls back to back through one guarded client
    /// whose concurrency limit is <paramref name="limit"/>, against a simulator that takes <paramref name="latencyMs"/> per request.
    /// </summary>
    public static async Task<ThroughputResult> ClosedLoopAsync(string name, double latencyMs, int workers, int limit, int callsPerWorker, int samples, CancellationToken cancellationToken)
    {
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions { LatencyMs = latencyMs }, cancellationToken);
        var options = Endpoint(server, limit);
        using var client = new ResilientChatModel(new OpenAiChatModel(options), options);
        await WarmUpAsync(client, -1_000_000, cancellationToken);

        var times = new System.Collections.Concurrent.ConcurrentBag<double>();
        var started = Stopwatch.GetTimestamp();
        var loops = Enumerable.Range(0, workers).Select(async w =>
        {
            for (var i = 0; i < callsPerWorker; i++)
            {
                var reply = await client.CompleteAsync(Task with { Seed = (w * 100_000L) + i, Samples = samples }, cancellationToken);
                times.Add(reply.LatencyMs);
            }
        });
        await System.Threading.Tasks.Task.WhenAll(loops);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var calls = workers * callsPerWorker;
        var ideal = Math.Min(workers, limit) / (latencyMs / 1000.0);
        return new ThroughputResult(name, workers, limit, calls, seconds, calls / seconds, ideal, LatencySummary.Of(times), server.Statistics.MaxInFlight, (long)calls * samples);
    }

    /// <summary>A throw-away cache file for the cache scenarios.</summary>
    public static async Task<SqliteResponseCache> TempCacheAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"securegen-bench-{Guid.NewGuid():N}.db");
        var cache = new SqliteResponseCache(path);
        await cache.InitializeAsync(cancellationToken);
        return cache;
    }
}
