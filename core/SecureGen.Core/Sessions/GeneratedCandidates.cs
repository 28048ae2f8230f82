namespace SecureGen.Core.Sessions;

/// <summary>What one generation request produced: its candidates and the LLM call(s) behind them.</summary>
public sealed record GeneratedCandidates(IReadOnlyList<Candidate> Candidates, IReadOnlyList<LlmCall> Calls);
