namespace SecureGen.Silo.Hosting;

/// <summary>
/// OpenTelemetry for a silo or the embedded eval (section "SecureGen:Telemetry", variables SECUREGEN__TELEMETRY__*).
/// Traces and metrics go to an OTLP endpoint when one is configured here or in OTEL_EXPORTER_OTLP_ENDPOINT;
/// silos also serve Prometheus' text format at <see cref="TelemetryHostExtensions.MetricsPath"/>.
/// </summary>
public sealed class TelemetrySettings
{
    public const string Section = "SecureGen:Telemetry";

    /// <summary>OTLP collector URL (gRPC, e.g. http://otel-collector:4317); empty falls back to OTEL_EXPORTER_OTLP_ENDPOINT, else no OTLP export.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Send metrics over OTLP too; off where a collector scrapes the Prometheus endpoint instead (k8s/), so nothing is counted twice.</summary>
    public bool OtlpMetrics { get; set; } = true;

    /// <summary>Serve the Prometheus scrape endpoint (silos: yes; the CLI never maps it).</summary>
    public bool Prometheus { get; set; } = true;

    /// <summary>Share of root traces kept (parent-based: a kept trace keeps all its spans).</summary>
    public double SamplingRatio { get; set; } = 1.0;

    /// <summary>Orleans' own runtime spans (membership, directory, reminders): chatty, off unless debugging the runtime.</summary>
    public bool OrleansRuntimeTraces { get; set; }

    /// <summary>Trace context on grain calls (Orleans activity propagation); null: on when traces go to an OTLP endpoint.</summary>
    public bool? TraceGrainCalls { get; set; }

    /// <summary>Whether grain calls should carry trace context: as set, else when an OTLP endpoint is in effect.</summary>
    public bool TracesGrainCalls(string? environmentEndpoint) => TraceGrainCalls ?? EffectiveOtlpEndpoint(environmentEndpoint) is not null;

    /// <summary>service.name of the resource; the silo's roles are added as an attribute.</summary>
    public string ServiceName { get; set; } = "securegen-silo";

    /// <summary>The OTLP endpoint in effect: this setting, else the standard variable, else none.</summary>
    public Uri? EffectiveOtlpEndpoint(string? environmentEndpoint)
    {
        var value = string.IsNullOrWhiteSpace(OtlpEndpoint) ? environmentEndpoint : OtlpEndpoint;
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : null;
    }
}
