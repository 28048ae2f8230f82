using System.Text.Json.Serialization;
using SecureGen.Core.Tenancy;
using SecureGen.Grains.Interfaces;

namespace SecureGen.Silo.Hosting.Api;

/// <summary>A run as the API shows it: owner, plan size, live counts from the run grain, what the store holds.</summary>
public sealed record RunView(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("tenant")] string Tenant,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("submitted_at")] DateTimeOffset SubmittedAt,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("planned")] int Planned,
    [property: JsonPropertyName("completed")] int Completed,
    [property: JsonPropertyName("faulted")] int Faulted,
    [property: JsonPropertyName("in_flight")] int InFlight,
    [property: JsonPropertyName("tokens")] long Tokens,
    [property: JsonPropertyName("cost_usd")] double? CostUsd,
    [property: JsonPropertyName("sessions_stored")] int? SessionsStored)
{
    public static RunView Of(TenantRun run, RunStatus status, int? stored) => new(
        run.RunId, run.TenantId, run.Kind, run.Description, run.SubmittedAt, StateOf(status),
        status.Planned, status.Completed, status.Faulted, status.InFlight, status.Tokens, status.CostUsd, stored);

    /// <summary>running, cancelling (in-flight sessions finishing), cancelled, finished, or ended (the grain no longer knows it: a restarted embedded service).</summary>
    public static string StateOf(RunStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status switch
        {
            { IsFinished: true } => "finished",
            { Planned: 0 } => "ended",
            { Cancelled: true, InFlight: 0 } => "cancelled",
            { Cancelled: true } => "cancelling",
            _ => "running",
        };
    }
}
