using SecureGen.Core.Sessions;

namespace SecureGen.Contracts;

/// <summary>Event: a strategy refined a candidate with feedback. The scorer-bootstrap collector subscribes.</summary>
public sealed record RefinementPairProduced(string RunId, RefinementPair Pair);
