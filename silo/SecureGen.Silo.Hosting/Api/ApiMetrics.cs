using System.Diagnostics.Metrics;

namespace SecureGen.Silo.Hosting.Api;

/// <summary>The service's own instruments, on the meter the telemetry setup exports.</summary>
public sealed class ApiMetrics : IDisposable
{
    public const string MeterName = "SecureGen.Service";
    public const string QuotaRejectionsName = "securegen.quota.rejections";
    private readonly Meter _meter;

    public ApiMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(MeterName);
        QuotaRejections = _meter.CreateCounter<long>(QuotaRejectionsName, unit: "{request}", description: "Requests refused with 429 because the tenant's quota was used up, by limit.");
    }

    public Counter<long> QuotaRejections { get; }

    public void QuotaRejected(string tenant, string limit) =>
        QuotaRejections.Add(1, new KeyValuePair<string, object?>("tenant", tenant), new KeyValuePair<string, object?>("limit", limit));

    public void Dispose() => _meter.Dispose();
}
