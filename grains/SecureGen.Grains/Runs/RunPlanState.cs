using SecureGen.Core.Sessions;

namespace SecureGen.Grains.Runs;

/// <summary>A run grain's plan: every session's input, written once when the run is submitted.</summary>
[GenerateSerializer]
public sealed class RunPlanState
{
    [Id(0)]
    public List<SessionInput> Sessions { get; set; } = [];
}
