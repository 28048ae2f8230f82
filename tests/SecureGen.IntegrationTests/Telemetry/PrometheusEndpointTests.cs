using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SecureGen.Grains.Telemetry;
using SecureGen.Silo.Hosting;

namespace SecureGen.IntegrationTests.Telemetry;

/// <summary>The silo's /metrics as the collector scrapes it: the load gauges the autoscalers read, under the names k8s/ queries.</summary>
public sealed class PrometheusEndpointTests
{
    [Fact]
    public async Task The_metrics_endpoint_serves_the_load_gauges_in_prometheus_format()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<ClusterLoadMetrics>();
        builder.AddSecureGenTelemetry(new TelemetrySettings(), "analyzer");
        await using var app = builder.Build();
        app.MapSecureGenMetrics();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var load = app.Services.GetRequiredService<ClusterLoadMetrics>();
        load.SetPendingSessions("run-a", 5);
        load.SetPendingSessions("run-b", 2);
        using var backlog = load.TrackAnalysis(3);

        using var http = new HttpClient();
        var text = await http.GetStringAsync(new Uri(new Uri(app.Urls.First()), TelemetryHostExtensions.MetricsPath), TestContext.Current.CancellationToken);

        Assert.Matches(Sample(ClusterLoadMetrics.PendingSessionsName, 7), text);
        Assert.Matches(Sample(ClusterLoadMetrics.AnalysisBacklogName, 3), text);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A sample line of the gauge with this value (other silos of parallel tests may add their own lines).</summary>
    private static Regex Sample(string instrument, int value) =>
        new($@"(?m)^{instrument.Replace('.', '_')}(\{{[^}}]*\}})? {value.ToString(CultureInfo.InvariantCulture)}( |$)");
}
