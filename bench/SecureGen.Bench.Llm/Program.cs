using System.Globalization;
using SecureGen.Bench.Llm;
using SecureGen.Core.Generation;
using SecureGen.Core.Generation.Caching;
using SecureGen.Core.Generation.Resilience;
using SecureGen.Simulator;

// Usage: SecureGen.Bench.Llm [--quick]   (quick: fewer calls, for a smoke run)
var quick = args.Contains("--quick");
var ct = CancellationToken.None;
var sequentialCalls = quick ? 100 : 1000;
var callsPerWorker = quick ? 4 : 10;
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;

var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
Console.WriteLine($"# LLM client benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {load} at start, .NET {Environment.Version}; simulator in the same process)");
Console.WriteLine();

// 1. Per-call overhead with no simulated latency: every layer side by side, one call in flight.
await using (var server = await SimulatorServer.StartAsync(new SimulatorOptions(), ct))
{
    var options = LlmBenchmarks.Endpoint(server, 64);
    var raw = new OpenAiChatModel(options);
    using var guarded = new ResilientChatModel(new OpenAiChatModel(options), options);
    using var cache = await LlmBenchmarks.TempCacheAsync(ct);
    var cached = new CachingChatModel(guarded, cache, options.Name);

    await LlmBenchmarks.WarmUpAsync(raw, -1000, ct);
    await LlmBenchmarks.WarmUpAsync(guarded, -2000, ct);
    await LlmBenchmarks.WarmUpAsync(cached, -3000, ct);
    var measured = await LlmBenchmarks.InterleavedAsync([raw, guarded, cached], sequentialCalls, 0, ct);
    var (rawTimes, guardedTimes, missTimes) = (measured[0], measured[1], measured[2]);
    var hitTimes = await LlmBenchmarks.CacheHitsAsync(cached, sequentialCalls, 2_000_000, ct);

    Console.WriteLine("## Per-call time, simulator latency 0, one call in flight");
    Console.WriteLine();
    Console.WriteLine("| path | calls | mean ms | p50 ms | p95 ms | p99 ms | vs raw SDK |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
    void Row(string name, LatencySummary s) =>
        Console.WriteLine($"| {name} | {s.Count} | {s.MeanMs:0.000} | {s.P50Ms:0.000} | {s.P95Ms:0.000} | {s.P99Ms:0.000} | {s.MeanMs / rawTimes.MeanMs:0.00}x |");
    Row("raw SDK call (OpenAiChatModel, HTTP + simulator)", rawTimes);
    Row("guarded (limits, retries, breaker, accounting)", guardedTimes);
    Row("guarded + cache miss (lookup + store)", missTimes);
    Row("cache hit (no HTTP)", hitTimes);
    Console.WriteLine();
    Console.WriteLine($"Guard overhead per call (medians): {guardedTimes.P50Ms - rawTimes.P50Ms:0.000} ms; a cache miss adds {missTimes.P50Ms - guardedTimes.P50Ms:0.000} ms; a hit takes {hitTimes.P50Ms:0.000} ms.");
    Console.WriteLine();
    File.Delete(cache.Path);
}

// 2. Sustained throughput with simulated latency.
var runs = new List<ThroughputResult>
{
    await LlmBenchmarks.ClosedLoopAsync("64 in flight, 500 ms each", 500, 64, 64, callsPerWorker, 1, ct),
    await LlmBenchmarks.ClosedLoopAsync("128 callers, limit 64", 500, 128, 64, callsPerWorker / 2, 1, ct),
    await LlmBenchmarks.ClosedLoopAsync("64 in flight, n=4 samples", 500, 64, 64, callsPerWorker, 4, ct),
    await LlmBenchmarks.ClosedLoopAsync("256 in flight, 500 ms each", 500, 256, 256, callsPerWorker, 1, ct),
};
Console.WriteLine("## Throughput, simulator latency 500 ms fixed");
Console.WriteLine();
Console.WriteLine("| run | callers | limit | calls | s | calls/s | ideal/s | achieved | server max in flight | completions/s | mean latency ms | overhead per call ms | p99 ms |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var r in runs)
{
    // With callers > limit, a call's latency includes its wait for a slot, so overhead is only meaningful when callers <= limit.
    var overhead = r.Workers <= r.Limit ? $"{r.Latency.MeanMs - 500:0.00}" : "(queued)";
    Console.WriteLine($"| {r.Name} | {r.Workers} | {r.Limit} | {r.Calls} | {r.Seconds:0.00} | {r.CallsPerSecond:0.0} | {r.IdealPerSecond:0.0} | {r.Ratio:P1} | {r.ServerMaxInFlight} | {r.Completions / r.Seconds:0.0} | {r.Latency.MeanMs:0.0} | {overhead} | {r.Latency.P99Ms:0.0} |");
}
