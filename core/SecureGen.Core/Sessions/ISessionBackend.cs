using SecureGen.Core.Analysis;
using SecureGen.Core.Benchmarks;
using SecureGen.Core.Benchmarks.Judging;

namespace SecureGen.Core.Sessions;

/// <summary>
/// Where a session's work is done: in a cluster, calls to other grains; in a test, anything in process.
/// Failures surface as exceptions (<see cref="InfrastructureFailureException"/> for an endpoint that finally failed).
/// </summary>
public interface ISessionBackend
{
    Task<GeneratedCandidates> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken);

    /// <summary>Regenerates a candidate with feedback; <paramref name="request"/> carries the parent's id.</summary>
    Task<GeneratedCandidates> RefineAsync(GenerationRequest request, CancellationToken cancellationToken);

    Task<IReadOnlyList<AnalysisReport>> AnalyzeAsync(IReadOnlyList<CandidateCode> candidates, CancellationToken cancellationToken);

    Task<IReadOnlyList<CandidateScore>> ScoreAsync(IReadOnlyList<CandidateCode> candidates, CancellationToken cancellationToken);

    /// <summary>Runs the task's functional and security tests against the code in the sandbox.</summary>
    Task<TestJudgement> JudgeAsync(TaskTestSuite suite, string code, CancellationToken cancellationToken);
}
