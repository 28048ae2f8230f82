using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SecureGen.Core.Telemetry;

namespace SecureGen.Silo.Hosting;

public static class TelemetryHostExtensions
{
    /// <summary>Where silos serve Prometheus' text format.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Orleans' spans for calls between grains (the session's trace crosses silos through them).</summary>
    public const string OrleansApplicationSource = "Microsoft.Orleans.Application";

    /// <summary>Orleans' meter (grain calls, activations, messaging, membership).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    private static readonly string[] OrleansRuntimeSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Storage", "Microsoft.Orleans.Lifecycle"];
    private static readonly string ProjectSources = SecureGenTelemetry.Prefix + "*";

    /// <summary>
    /// OpenTelemetry for this process: traces of the project's sources ("SecureGen.*"), Orleans' grain calls (its runtime
    /// spans only where asked), outgoing HTTP (the LLM calls) and incoming requests; metrics of the "SecureGen.*" meters,
    /// Orleans, the .NET runtime, HTTP client and server. OTLP export when an endpoint is configured (or
    /// OTEL_EXPORTER_OTLP_ENDPOINT is set); the Prometheus exporter when <see cref="TelemetrySettings.Prometheus"/>
    /// (map it with <see cref="MapSecureGenMetrics"/>). Trace context on grain calls is the silo's
    /// (OrleansSettings.TraceGrainCalls, from <see cref="TelemetrySettings.TracesGrainCalls"/>).
    /// </summary>
    public static IHostApplicationBuilder AddSecureGenTelemetry(this IHostApplicationBuilder builder, TelemetrySettings settings, string? roles = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        var otlp = settings.EffectiveOtlpEndpoint(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r =>
            {
                r.AddService(settings.ServiceName, serviceInstanceId: Environment.MachineName + "-" + Environment.ProcessId);
                if (roles is not null)
                {
                    r.AddAttributes([new("securegen.roles", roles)]);
                }
            })
            .WithTracing(t =>
            {
                t.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(Math.Clamp(settings.SamplingRatio, 0, 1))));
                t.AddSource(ProjectSources, OrleansApplicationSource);
                if (settings.OrleansRuntimeTraces)
                {
                    t.AddSource(OrleansRuntimeSources);
                }

                t.AddHttpClientInstrumentation();
                t.AddAspNetCoreInstrumentation(o => o.Filter = context => !IsOperational(context.Request.Path));
                if (otlp is not null)
                {
                    t.AddOtlpExporter(o => o.Endpoint = otlp);
                }
            })
            .WithMetrics(m =>
            {
                m.AddMeter(ProjectSources, OrleansMeter);
                m.AddRuntimeInstrumentation();
                m.AddHttpClientInstrumentation();
                m.AddAspNetCoreInstrumentation();
                if (settings.Prometheus)
                {
                    m.AddPrometheusExporter();
                }

                if (otlp is not null && settings.OtlpMetrics)
                {
                    m.AddOtlpExporter(o => o.Endpoint = otlp);
                }
            });
        return builder;
    }

    /// <summary>
    /// For the CLI's processes (embedded eval, cluster client): telemetry from "SecureGen:Telemetry" only where an OTLP
    /// endpoint is configured there or in OTEL_EXPORTER_OTLP_ENDPOINT, and never a Prometheus endpoint; by default
    /// nothing is loaded, so a CLI run pays for no exporter.
    /// </summary>
    /// <returns>True when telemetry was added (then grain calls should carry trace context too).</returns>
    public static bool AddSecureGenTelemetryIfConfigured(this IHostApplicationBuilder builder, string serviceName, string? roles = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = builder.Configuration.GetSection(TelemetrySettings.Section).Get<TelemetrySettings>() ?? new TelemetrySettings();
        if (settings.EffectiveOtlpEndpoint(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) is null)
        {
            return false;
        }

        settings.Prometheus = false;
        settings.ServiceName = serviceName;
        builder.AddSecureGenTelemetry(settings, roles);
        return true;
    }

    /// <summary>The Prometheus scrape endpoint at <see cref="MetricsPath"/> (needs <see cref="AddSecureGenTelemetry"/> with Prometheus on).</summary>
    public static WebApplication MapSecureGenMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }

    private static bool IsOperational(PathString path) =>
        path.StartsWithSegments(HealthEndpoints.LivePath, StringComparison.Ordinal)
        || path.StartsWithSegments(HealthEndpoints.ReadyPath, StringComparison.Ordinal)
        || path.StartsWithSegments(MetricsPath, StringComparison.Ordinal);
}
