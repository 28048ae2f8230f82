using System.Diagnostics;

namespace SecureGen.Core.Telemetry;

/// <summary>
/// The project's spans: one <see cref="ActivitySource"/> for core's work (session run, LLM call, analysis, sandbox run,
/// scorer batch). Nothing is recorded unless a listener (OpenTelemetry in the silo, a test) subscribes to
/// <see cref="SourceName"/>, so the CLI pays nothing by default.
/// </summary>
public static class SecureGenTelemetry
{
    /// <summary>Every SecureGen source and meter starts with this; hosts subscribe to "SecureGen.*".</summary>
    public const string Prefix = "SecureGen.";

    public const string SourceName = "SecureGen.Core";

    public const string SessionSpan = "securegen.session";
    public const string LlmCallSpan = "securegen.llm.chat";
    public const string AnalysisSpan = "securegen.analysis";
    public const string SandboxSpan = "securegen.sandbox.run";
    public const string ScorerBatchSpan = "securegen.scorer.batch";

    public static ActivitySource Source { get; } = new(SourceName);
}
