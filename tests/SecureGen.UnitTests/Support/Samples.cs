using SecureGen.Core.Analysis;
using SecureGen.Core.Sessions;

namespace SecureGen.UnitTests.Support;

/// <summary>Small, readable test data.</summary>
public static class Samples
{
    public const string PromptCode = "import subprocess\n\n\ndef ping_host(host: str) -> str:\n    \"\"\"Ping host once.\"\"\"\n";

    public static SessionTask Task { get; } = new("t1", "builtin", PromptCode, PromptCode, "ping_host", 78);

    public static SessionInput Input(string strategy = "baseline", int sample = 0) =>
        new("run-1", SessionIds.For("run-1", Task.Id, strategy, sample), Task, strategy, sample, 1234 + sample, "scripted-model", 0.8f, 512);

    /// <summary>A session of <paramref name="strategy"/> on <paramref name="task"/> (the ping task by default) with the given parameters.</summary>
    public static SessionInput Input(string strategy, IReadOnlyDictionary<string, string>? parameters, SessionTask? task = null, bool storePrompts = true) =>
        new("run-1", SessionIds.For("run-1", (task ?? Task).Id, strategy, 0), task ?? Task, strategy, 0, 1234, "scripted-model", 0.8f, 512, parameters, storePrompts);

    public static SessionResult Result(string strategy, Verdict verdict, string? infrastructureFailure = null, bool unparsable = false, int sample = 0) =>
        new("run-1", SessionIds.For("run-1", "t1", strategy, sample), "t1", "builtin", 78, strategy, sample, "m", true, "code", verdict, "static",
            [], [], unparsable, CandidateScore.Unscored("none"), [],
            [new LlmCall("sample", "m", 100, 50, 12.5, true)], [], infrastructureFailure, DateTimeOffset.UnixEpoch, 1);
}
