using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SecureGen.Core.Analysis;
using SecureGen.Core.Generation;
using SecureGen.Core.Telemetry;
using SecureGen.Grains.Telemetry;
using SecureGen.IntegrationTests.Grains;
using SecureGen.Silo.Hosting;
using static SecureGen.IntegrationTests.Grains.GrainTestInputs;

namespace SecureGen.IntegrationTests.Telemetry;

/// <summary>
/// AddSecureGenTelemetry on a TestingHost silo, with OpenTelemetry's in-memory exporters: one session is one trace
/// across the grains and the LLM call, and the project's instruments carry its numbers.
/// </summary>
public sealed class SessionTelemetryTests
{
    private readonly LockedCollection<Activity> _spans = new();
    private readonly LockedCollection<MetricSnapshot> _metrics = new();

    private Task<GrainCluster> StartAsync(IChatModel model)
    {
        // The keyword analyzer behind core's composite analyzer, which carries the analysis span and histogram.
        var keyword = new KeywordAnalyzer();
        var analyzer = new CompositeAnalyzer(keyword, keyword, ["fake"], [], new VerdictPolicy());
        return GrainCluster.StartAsync(
            ["all"],
            (_, services) => services.AddSingleton(model).AddSingleton<ICodeAnalyzer>(analyzer).AddSingleton<ISyntaxChecker>(keyword),
            host: host =>
            {
                host.AddSecureGenTelemetry(new TelemetrySettings { Prometheus = false }, "all");
                host.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_spans));
                host.Services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(_metrics));
            },
            traceGrainCalls: true);
    }

    [Fact]
    public async Task One_session_is_one_trace_spanning_the_session_a_grain_call_and_the_llm_call()
    {
        await using var cluster = await StartAsync(ScriptedChatModel.Always(VulnerableReply));
        var runId = NewRunId();
        var input = Input(runId);

        var status = await cluster.RunAsync(runId, [input]);
        Assert.Equal(1, status.Completed);
        ForceFlush(cluster);

        var spans = _spans.Snapshot();
        var session = Assert.Single(spans, s => s.OperationName == SecureGenTelemetry.SessionSpan && (string?)s.GetTagItem("securegen.session.id") == input.SessionId);
        Assert.Equal("vulnerable", session.GetTagItem("securegen.verdict"));
        var trace = spans.Where(s => s.TraceId == session.TraceId).ToList();
        var llm = Assert.Single(trace, s => s.OperationName == SecureGenTelemetry.LlmCallSpan);
        Assert.Equal(10, llm.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Contains(trace, s => s.OperationName == SecureGenTelemetry.AnalysisSpan);

        // The LLM call's ancestors: the candidate grain's call (Orleans' span), then the session's span.
        var ancestors = Ancestors(llm, trace).ToList();
        var grainCall = Assert.Single(ancestors, s => s.Source.Name == TelemetryHostExtensions.OrleansApplicationSource && s.Kind == ActivityKind.Server && s.DisplayName.Contains("Candidate", StringComparison.Ordinal));
        Assert.Contains(session, ancestors);
        Assert.Contains(session, Ancestors(grainCall, trace));
        // The trace starts at the client's call into the run grain: the grains between carry it on.
        Assert.Contains(trace, s => s.Source.Name == TelemetryHostExtensions.OrleansApplicationSource && s.DisplayName.Contains("RunGrain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_project_instruments_and_the_cluster_load_gauges_are_exported_with_values()
    {
        await using var cluster = await StartAsync(ScriptedChatModel.Always(VulnerableReply));
        var runId = NewRunId();
        var strategy = "baseline";

        var status = await cluster.RunAsync(runId, Inputs(runId, 3, strategy), maxInFlight: 1);
        Assert.Equal(3, status.Completed);
        ForceFlush(cluster);

        var metrics = _metrics.Snapshot();
        Assert.True(Sum(metrics, SecureGenMeters.SessionsCompletedName, ("verdict", "vulnerable"), ("strategy", strategy)) >= 3);
        Assert.True(Sum(metrics, SecureGenMeters.LlmTokensName, ("type", "input"), ("model", "scripted-model")) >= 30);
        Assert.True(Sum(metrics, SecureGenMeters.LlmTokensName, ("type", "output"), ("model", "scripted-model")) >= 60);
        Assert.True(HistogramCount(metrics, SecureGenMeters.LlmDurationName) >= 3);
        Assert.True(HistogramCount(metrics, SecureGenMeters.AnalysisDurationName) >= 3);
        Assert.Contains(metrics, m => m.Name == ClusterLoadMetrics.PendingSessionsName && m.MetricPoints.Count > 0);
        Assert.Contains(metrics, m => m.Name == ClusterLoadMetrics.AnalysisBacklogName && m.MetricPoints.Count > 0);
        Assert.Contains(metrics, m => m.MeterName == TelemetryHostExtensions.OrleansMeter);
    }

    private static void ForceFlush(GrainCluster cluster)
    {
        foreach (var silo in cluster.Cluster.Silos)
        {
            silo.ServiceProvider.GetRequiredService<TracerProvider>().ForceFlush();
            silo.ServiceProvider.GetRequiredService<MeterProvider>().ForceFlush();
        }
    }

    private static IEnumerable<Activity> Ancestors(Activity span, IReadOnlyList<Activity> trace)
    {
        var byId = trace.ToDictionary(s => s.SpanId);
        for (var parent = span.ParentSpanId; byId.TryGetValue(parent, out var next); parent = next.ParentSpanId)
        {
            yield return next;
        }
    }

    /// <summary>The last exported total of a counter over the points with these tags.</summary>
    private static double Sum(IReadOnlyList<MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags)
    {
        var last = metrics.LastOrDefault(m => m.Name == name);
        Assert.True(last is not null, $"{name} was not exported");
        double total = 0;
        foreach (var point in last.MetricPoints)
        {
            var pointTags = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in point.Tags)
            {
                pointTags[tag.Key] = tag.Value;
            }

            if (tags.All(t => Equals(pointTags.GetValueOrDefault(t.Key)?.ToString(), t.Value)))
            {
                total += last.MetricType == MetricType.LongSum ? point.GetSumLong() : point.GetSumDouble();
            }
        }

        return total;
    }

    private static long HistogramCount(IReadOnlyList<MetricSnapshot> metrics, string name)
    {
        var last = metrics.LastOrDefault(m => m.Name == name);
        Assert.True(last is not null, $"{name} was not exported");
        return last.MetricPoints.Sum(p => p.GetHistogramCount());
    }
}
