namespace SecureGen.Core.Scoring;

/// <summary>One token of scored code and its vulnerability probability.</summary>
public sealed record TokenScore(string Text, int Line, float Score);
