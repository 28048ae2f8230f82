using SecureGen.Core.Sessions;
using SecureGen.Grains.Interfaces;

namespace SecureGen.Grains.Sessions;

/// <summary>What a session grain persists: its input (so another silo can resume it), its attempts and its end.</summary>
[GenerateSerializer]
public sealed class SessionState
{
    [Id(0)]
    public SessionInput? Input { get; set; }

    [Id(1)]
    public SessionPhase Phase { get; set; }

    [Id(2)]
    public int Attempts { get; set; }

    [Id(3)]
    public SessionCompleted? Completion { get; set; }
}
