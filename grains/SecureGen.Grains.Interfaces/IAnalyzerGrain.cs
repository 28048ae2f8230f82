using SecureGen.Core.Analysis;
using SecureGen.Core.Sessions;

namespace SecureGen.Grains.Interfaces;

/// <summary>Static analysis of candidates (Bandit and the taint analyzer): a stateless-worker pool on analyzer silos.</summary>
public interface IAnalyzerGrain : IGrainWithIntegerKey
{
    /// <summary>One report per candidate, in the order given; a failed analyzer gives Unknown, never Secure.</summary>
    Task<IReadOnlyList<AnalysisReport>> AnalyzeAsync(IReadOnlyList<CandidateCode> candidates);
}
