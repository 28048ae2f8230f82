using System.Diagnostics.Metrics;

namespace SecureGen.Core.Telemetry;

/// <summary>
/// The project's own instruments on the "SecureGen.Core" meter, and their names (Prometheus shows them with
/// underscores, counters with a <c>_total</c> suffix). Record through these fields; nothing is kept until a
/// listener subscribes. The service's quota checks record <see cref="QuotaRejections"/> with a "tenant" and a
/// "quota" tag.
/// </summary>
public static class SecureGenMeters
{
    public const string MeterName = "SecureGen.Core";

    public const string SessionsCompletedName = "securegen.sessions.completed";
    public const string LlmTokensName = "securegen.llm.tokens";
    public const string LlmCostName = "securegen.llm.cost";
    public const string LlmDurationName = "securegen.llm.duration";
    public const string LlmRetriesName = "securegen.llm.retries";
    public const string AnalysisDurationName = "securegen.analysis.duration";
    public const string SandboxDurationName = "securegen.sandbox.duration";
    public const string QuotaRejectionsName = "securegen.quota.rejections";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Sessions that ended with a result, tagged "verdict" and "strategy".</summary>
    public static Counter<long> SessionsCompleted { get; } = Meter.CreateCounter<long>(SessionsCompletedName, "{session}", "Sessions that ended with a result, by verdict and strategy");

    /// <summary>Tokens of LLM calls, tagged "model", "type" (input or output) and "cached".</summary>
    public static Counter<long> LlmTokens { get; } = Meter.CreateCounter<long>(LlmTokensName, "{token}", "LLM tokens, by model, type (input/output) and whether the reply came from the cache");

    /// <summary>Dollars of LLM calls by the configured price table, tagged "model".</summary>
    public static Counter<double> LlmCost { get; } = Meter.CreateCounter<double>(LlmCostName, "{USD}", "LLM cost in dollars by the price table, by model");

    /// <summary>Time of one LLM call including retries and waits, tagged "model" and "outcome" (ok, failed, cached).</summary>
    public static Histogram<double> LlmDuration { get; } = Meter.CreateHistogram<double>(LlmDurationName, "ms", "Time of one LLM call including retries and rate-limit waits");

    /// <summary>Retries of LLM calls, tagged "model".</summary>
    public static Counter<long> LlmRetries { get; } = Meter.CreateCounter<long>(LlmRetriesName, "{retry}", "Retries of LLM calls (throttling, server errors, timeouts)");

    /// <summary>Time to analyze one candidate, tagged "verdict".</summary>
    public static Histogram<double> AnalysisDuration { get; } = Meter.CreateHistogram<double>(AnalysisDurationName, "ms", "Time to analyze one candidate (all analyzers), by verdict");

    /// <summary>Time of one sandboxed test run, tagged "status".</summary>
    public static Histogram<double> SandboxDuration { get; } = Meter.CreateHistogram<double>(SandboxDurationName, "ms", "Time of one sandboxed test run, by status");

    /// <summary>Requests refused over a tenant's quota, tagged "tenant" and "quota".</summary>
    public static Counter<long> QuotaRejections { get; } = Meter.CreateCounter<long>(QuotaRejectionsName, "{request}", "Requests refused because a tenant's quota was used up");
}
