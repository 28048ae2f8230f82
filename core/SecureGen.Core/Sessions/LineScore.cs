namespace SecureGen.Core.Sessions;

/// <summary>The neural scorer's highest token score on one line of a candidate (1-based line).</summary>
public sealed record LineScore(int Line, double Max);
