using SecureGen.Core.Analysis;
using SecureGen.Core.Generation;
using SecureGen.Core.Retrieval;
using SecureGen.Core.Sessions;

namespace SecureGen.Core.Strategies;

/// <summary>
/// The narrow door between a strategy and the cluster: a strategy is pure control flow over
/// these calls, so it runs the same in a SessionGrain and in a unit test with a scripted fake.
/// </summary>
public interface ISessionContext
{
    SessionInput Input { get; }

    /// <summary>The session's parameter values (user-given, else the papers' defaults).</summary>
    StrategyParameters Parameters { get; }

    /// <summary>Asks the model for <paramref name="count"/> completions and extracts code from each.</summary>
    /// <exception cref="InfrastructureFailureException">The endpoint finally failed.</exception>
    Task<IReadOnlyList<Candidate>> GenerateAsync(IReadOnlyList<ChatTurn> messages, int count, string purpose, CancellationToken cancellationToken);

    /// <summary>Regenerates <paramref name="parent"/> with feedback: one completion, recorded as a refined candidate whose parent is <paramref name="parent"/>.</summary>
    /// <exception cref="InfrastructureFailureException">The endpoint finally failed.</exception>
    Task<Candidate> RefineAsync(IReadOnlyList<ChatTurn> messages, Candidate parent, string purpose, CancellationToken cancellationToken);

    /// <summary>Asks the model a question whose answer is prose, not a candidate (explanations, fix strategies, classifications).</summary>
    /// <exception cref="InfrastructureFailureException">The endpoint finally failed.</exception>
    Task<string> AskAsync(IReadOnlyList<ChatTurn> messages, string purpose, CancellationToken cancellationToken);

    /// <summary>Runs the static analyzers on each candidate, in the order given.</summary>
    Task<IReadOnlyList<AnalysisReport>> AnalyzeAsync(IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken);

    /// <summary>Scores each candidate with the neural scorer, in the order given.</summary>
    Task<IReadOnlyList<CandidateScore>> ScoreAsync(IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken);

    /// <summary>Secure examples from the secure code base, best first; never the session's own task.</summary>
    Task<IReadOnlyList<RetrievedExample>> RetrieveExamplesAsync(RetrievalQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Records a refined candidate with its parent: kept in the result, published for scorer
    /// bootstrapping, and, when it fixed a vulnerability, added to the secure code base.
    /// </summary>
    Task RecordRefinementAsync(RefinementPair pair, CancellationToken cancellationToken);

    /// <summary>Adds a decision to the session's trace.</summary>
    void Record(string note);
}
