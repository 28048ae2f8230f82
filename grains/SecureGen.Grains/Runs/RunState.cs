using SecureGen.Core.Sessions;
using SecureGen.Grains.Interfaces;

namespace SecureGen.Grains.Runs;

/// <summary>What a run grain persists as it goes: how far dispatching got and which sessions ended how (the plan is <see cref="RunPlanState"/>).</summary>
[GenerateSerializer]
public sealed class RunState
{
    [Id(1)]
    public int MaxInFlight { get; set; }

    /// <summary>Index in the plan of the next session to dispatch.</summary>
    [Id(2)]
    public int Next { get; set; }

    [Id(3)]
    public HashSet<string> InFlight { get; set; } = [];

    [Id(4)]
    public Dictionary<string, SessionCompleted> Finished { get; set; } = [];

    [Id(5)]
    public DateTimeOffset? SubmittedAt { get; set; }

    [Id(6)]
    public bool Cancelled { get; set; }
}
