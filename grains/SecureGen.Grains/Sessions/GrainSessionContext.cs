using MassTransit;
using SecureGen.Contracts;
using SecureGen.Core.Analysis;
using SecureGen.Core.Generation;
using SecureGen.Core.Retrieval;
using SecureGen.Core.Sessions;
using SecureGen.Core.Strategies;

namespace SecureGen.Grains.Sessions;

/// <summary>
/// The session context a strategy sees inside a SessionGrain: generation, analysis and scoring are
/// requests to other grains; retrieval reads the node's secure code base. Tracing is added on top
/// by <see cref="TracingSessionContext"/>.
/// </summary>
internal sealed class GrainSessionContext(
    SessionInput input,
    IRequestClient<GenerateCandidates> generate,
    IRequestClient<AnalyzeCandidates> analyze,
    IRequestClient<ScoreCandidates> score,
    SecureExampleRetrieval retrieval) : ISessionContext
{
    private readonly List<LlmCall> _calls = [];
    private readonly Lock _gate = new();
    private int _nextIndex;
    private int _generateRounds;

    public SessionInput Input { get; } = input;

    public StrategyParameters Parameters { get; } = new(input.Parameters);

    public IReadOnlyList<LlmCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public Task<IReadOnlyList<Candidate>> GenerateAsync(IReadOnlyList<ChatTurn> messages, int count, string purpose, CancellationToken cancellationToken) =>
        RequestAsync(messages, count, purpose, null, cancellationToken);

    public async Task<Candidate> RefineAsync(IReadOnlyList<ChatTurn> messages, Candidate parent, string purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return (await RequestAsync(messages, 1, purpose, parent.Id, cancellationToken))[0];
    }

    public async Task<string> AskAsync(IReadOnlyList<ChatTurn> messages, string purpose, CancellationToken cancellationToken)
    {
        // The candidate grain extracts code from every reply; for a prose answer only the raw reply matters.
        var reply = await RequestAsync(messages, 1, purpose, null, cancellationToken);
        return reply[0].RawReply;
    }

    public async Task<IReadOnlyList<AnalysisReport>> AnalyzeAsync(IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken)
    {
        var request = new AnalyzeCandidates(Input.SessionId, candidates.Select(c => new CandidateCode(c.Id, c.Code)).ToList());
        var response = await analyze.GetResponse<CandidatesAnalyzed>(request, cancellationToken);
        return response.Message.Reports;
    }

    public async Task<IReadOnlyList<CandidateScore>> ScoreAsync(IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken)
    {
        var request = new ScoreCandidates(Input.SessionId, candidates.Select(c => new CandidateCode(c.Id, c.Code)).ToList());
        var response = await score.GetResponse<CandidatesScored>(request, cancellationToken);
        return response.Message.Scores;
    }

    public async Task<IReadOnlyList<RetrievedExample>> RetrieveExamplesAsync(RetrievalQuery query, CancellationToken cancellationToken)
    {
        try
        {
            return await retrieval.RetrieveAsync(query, Input.Task, cancellationToken);
        }
        catch (LlmEndpointException e)
        {
            throw new InfrastructureFailureException(e.Message, e);
        }
    }

    public async Task RecordRefinementAsync(RefinementPair pair, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pair);
        if (pair.FixedVulnerability && Parameters.Boolean(SessionParameters.GrowCodeBase))
        {
            var task = Input.Task;
            await retrieval.CodeBase.AddAsync(new SecureExample($"fixed:{pair.AfterId}", task.Id, task.Dataset, task.Cwe, task.Prompt, pair.AfterCode, SecureExample.FixedSource), cancellationToken);
        }
    }

    public void Record(string note)
    {
        // The trace is kept by TracingSessionContext.
    }

    private async Task<IReadOnlyList<Candidate>> RequestAsync(IReadOnlyList<ChatTurn> messages, int count, string purpose, string? parentId, CancellationToken cancellationToken)
    {
        long seed;
        int firstIndex;
        lock (_gate)
        {
            // Each request gets its own seed range and index range, so refinements never replay samples and ids stay unique even when requests run in parallel.
            seed = Input.Seed + (1000L * _generateRounds++);
            firstIndex = _nextIndex;
            _nextIndex += count;
        }

        var request = new GenerateCandidates(Input.SessionId, messages, count, purpose, seed, Input.Model, Input.Temperature, Input.MaxTokens,
            Input.Task.PromptCode, Input.Task.EntryPoint, firstIndex, parentId);
        var response = await generate.GetResponse<CandidatesGenerated>(request, cancellationToken);
        var reply = response.Message;
        lock (_gate)
        {
            _calls.AddRange(reply.Calls);
        }

        if (reply.InfrastructureFailure is not null)
        {
            throw new InfrastructureFailureException(reply.InfrastructureFailure);
        }

        return reply.Candidates;
    }
}
