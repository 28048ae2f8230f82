namespace SecureGen.Grains.Interfaces;

[GenerateSerializer]
public enum SessionPhase
{
    /// <summary>The grain has never been started (or its state was lost).</summary>
    NotStarted,

    Running,

    /// <summary>A result is in the store.</summary>
    Completed,

    /// <summary>The session failed on every attempt; a fault record says why.</summary>
    Faulted,
}
