namespace SecureGen.Core.Sessions;

/// <summary>A candidate's id and code: all an analyzer or scorer needs.</summary>
public sealed record CandidateCode(string CandidateId, string Code);
