using SecureGen.Core.Tenancy;

namespace SecureGen.Silo.Hosting.Api;

/// <summary>What submitting gave: the run id, or the problem (a 400) or the quota refusal (a 429).</summary>
public sealed record RunAdmission(string? RunId, string? Problem, QuotaDecision? Refusal, IReadOnlyList<string> Skipped, int Sessions);
