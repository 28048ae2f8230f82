namespace SecureGen.Core.Generation.Resilience;

/// <summary>Closed: calls flow. Open: calls fail fast. HalfOpen: one probe call decides.</summary>
public enum CircuitState
{
    Closed,
    Open,
    HalfOpen,
}
