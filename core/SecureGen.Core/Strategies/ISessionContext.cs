using SecureGen.Core.Analysis;
using SecureGen.Core.Generation;
using SecureGen.Core.Sessions;

namespace SecureGen.Core.Strategies;

/// <summary>
/// The narrow door between a strategy and the cluster: a strategy is pure control flow over
/// these calls, so it runs the same in a SessionGrain and in a unit test with a scripted fake.
/// </summary>
public interface ISessionContext
{
    SessionInput Input { get; }

    /// <summary>Asks the model for <paramref name="count"/> completions and extracts code from each.</summary>
    /// <exception cref="InfrastructureFailureException">The endpoint finally failed.</exception>
    Task<IReadOnlyList<Candidate>> GenerateAsync(IReadOnlyList<ChatTurn> messages, int count, string purpose, CancellationToken cancellationToken);

    /// <summary>Runs the static analyzers on each candidate, in the order given.</summary>
    Task<IReadOnlyList<AnalysisReport>> AnalyzeAsync(IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken);

    /// <summary>Scores each candidate with the neural scorer, in the order given.</summary>
    Task<IReadOnlyList<CandidateScore>> ScoreAsync(IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken);

    /// <summary>Adds a decision to the session's trace.</summary>
    void Record(string note);
}
