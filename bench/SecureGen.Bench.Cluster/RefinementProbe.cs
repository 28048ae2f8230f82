using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Streams;
using SecureGen.Core.Generation;
using SecureGen.Core.Sessions;
using SecureGen.Grains.Interfaces;
using SecureGen.Silo.Hosting;

namespace SecureGen.Bench.Cluster;

/// <summary>
/// One refinement round as a session does it, from an Orleans client: feedback published on the parent candidate's
/// refinement-feedback stream until the refined candidate arrives on the session's refined-candidates stream, against
/// the direct call to the same candidate grain, interleaved. Every request has its own seed and id, so both pay one
/// model call (and one response-cache miss); the difference is the streams' cost.
/// </summary>
internal static class RefinementProbe
{
    public static async Task<(double StreamMs, double DirectMs)> MeasureAsync(string cluster, int rounds)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSecureGenSerialization();
        builder.UseOrleansClient(client => client
            .UseRedisClustering(o => o.ConfigurationOptions = ClusterAddress.Parse(cluster))
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (OrleansHostExtensions.ClusterId, OrleansHostExtensions.ClusterId))
            .AddMemoryStreams(StreamNames.Provider));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var client = host.Services.GetRequiredService<IClusterClient>();
            var streams = client.GetStreamProvider(StreamNames.Provider);
            var sessionId = $"bench-refine-{Guid.NewGuid():N}";
            var parentId = CandidateIds.For(sessionId, 0);
            var arrivals = new ConcurrentDictionary<string, TaskCompletionSource<CandidateRefined>>(StringComparer.Ordinal);
            var handle = await streams.GetStream<CandidateRefined>(StreamNames.RefinedCandidates, sessionId).SubscribeAsync((item, _) =>
            {
                if (arrivals.TryGetValue(item.RefinementId, out var waiting))
                {
                    waiting.TrySetResult(item);
                }

                return Task.CompletedTask;
            });
            var streamMs = new List<double>();
            var directMs = new List<double>();
            const int WarmUp = 3;
            for (var i = 0; i < rounds + WarmUp; i++)
            {
                var overStream = Feedback(sessionId, parentId, 1 + (2 * i));
                var arrival = arrivals.GetOrAdd(overStream.RefinementId, _ => new TaskCompletionSource<CandidateRefined>(TaskCreationOptions.RunContinuationsAsynchronously));
                var watch = Stopwatch.StartNew();
                await streams.GetStream<RefinementRequested>(StreamNames.RefinementFeedback, parentId).OnNextAsync(overStream);
                var refined = await arrival.Task.WaitAsync(TimeSpan.FromSeconds(30));
                var streamElapsed = watch.Elapsed.TotalMilliseconds;
                _ = refined.Result ?? throw new InvalidOperationException($"refinement over streams failed: {refined.Failure}");

                var direct = Feedback(sessionId, parentId, 2 + (2 * i));
                watch.Restart();
                await client.GetGrain<ICandidateGrain>(parentId).RefineAsync(direct);
                var directElapsed = watch.Elapsed.TotalMilliseconds;
                if (i >= WarmUp)
                {
                    streamMs.Add(streamElapsed);
                    directMs.Add(directElapsed);
                }
            }

            await handle.UnsubscribeAsync();
            return (Median(streamMs), Median(directMs));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static RefinementRequested Feedback(string sessionId, string parentId, int index)
    {
        var request = new GenerationRequest(sessionId, [ChatTurn.User("Write a Python function read_config(path) that loads a YAML file safely. Reply with one ```python block.")],
            1, "refine", Seed: 7_000_000 + index + Random.Shared.Next(1_000_000), string.Empty, 0.8f, 512, null, null, index, parentId);
        return new RefinementRequested(request.FirstCandidateId, request);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
