using System.Net;

namespace SecureGen.Silo.Hosting;

/// <summary>How a silo joins its cluster: alone on loopback (no <see cref="Cluster"/>), or through a Redis membership store.</summary>
public sealed class OrleansSettings
{
    /// <summary>Redis address of the cluster's membership, grain state and reminders (host:port, or redis://host:port); null runs one silo alone.</summary>
    public string? Cluster { get; set; }

    /// <summary>Comma-separated roles: session, candidate, analyzer, scorer, api.</summary>
    public string Roles { get; set; } = "session,candidate,analyzer,scorer,api";

    /// <summary>Shown on the dashboard; defaults to the host name and process id.</summary>
    public string? SiloName { get; set; }

    /// <summary>Port for silo-to-silo traffic (0 picks a free one).</summary>
    public int SiloPort { get; set; }

    /// <summary>Port clients connect to (0 picks a free one).</summary>
    public int GatewayPort { get; set; }

    /// <summary>The address other silos and clients reach this silo at.</summary>
    public string AdvertisedAddress { get; set; } = IPAddress.Loopback.ToString();

    /// <summary>Serve the Orleans dashboard on this silo's HTTP endpoint (api silos always do).</summary>
    public bool Dashboard { get; set; }

    /// <summary>
    /// How often an idle memory-stream queue is polled. Orleans' 100 ms default put ~140 ms on every refinement round
    /// (two stream hops); each poll is a cheap local grain call, so a few dozen a second per queue cost little CPU.
    /// </summary>
    public TimeSpan StreamPullingPeriod { get; set; } = DefaultStreamPullingPeriod;

    public static readonly TimeSpan DefaultStreamPullingPeriod = TimeSpan.FromMilliseconds(20);

    /// <summary>Grain calls carry the caller's trace context (Orleans activity propagation): on where traces are exported.</summary>
    public bool TraceGrainCalls { get; set; }
}
