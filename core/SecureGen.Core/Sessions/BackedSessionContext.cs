using SecureGen.Core.Analysis;
using SecureGen.Core.Generation;
using SecureGen.Core.Retrieval;
using SecureGen.Core.Strategies;

namespace SecureGen.Core.Sessions;

/// <summary>
/// The session context a strategy sees: generation, analysis and scoring go to an <see cref="ISessionBackend"/>
/// (other grains in a cluster); retrieval reads the node's secure code base. Every LLM call is collected,
/// failed ones included. Tracing is added on top by <see cref="TracingSessionContext"/>.
/// </summary>
public sealed class BackedSessionContext(SessionInput input, ISessionBackend backend, SecureExampleRetrieval retrieval) : ISessionContext
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
        // Code is extracted from every reply; for a prose answer only the raw reply matters.
        var reply = await RequestAsync(messages, 1, purpose, null, cancellationToken);
        return reply[0].RawReply;
    }

    public Task<IReadOnlyList<AnalysisReport>> AnalyzeAsync(IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken) =>
        backend.AnalyzeAsync(Codes(candidates), cancellationToken);

    public Task<IReadOnlyList<CandidateScore>> ScoreAsync(IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken) =>
        backend.ScoreAsync(Codes(candidates), cancellationToken);

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

    private static List<CandidateCode> Codes(IReadOnlyList<Candidate> candidates) => candidates.Select(c => new CandidateCode(c.Id, c.Code)).ToList();

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

        var request = new GenerationRequest(Input.SessionId, messages, count, purpose, seed, Input.Model, Input.Temperature, Input.MaxTokens,
            Input.Task.PromptCode, Input.Task.EntryPoint, firstIndex, parentId, Input.Endpoint);
        GeneratedCandidates reply;
        try
        {
            reply = parentId is null
                ? await backend.GenerateAsync(request, cancellationToken)
                : await backend.RefineAsync(request, cancellationToken);
        }
        catch (InfrastructureFailureException e)
        {
            lock (_gate)
            {
                _calls.AddRange(e.Calls);
            }

            throw;
        }

        lock (_gate)
        {
            _calls.AddRange(reply.Calls);
        }

        return reply.Candidates;
    }
}
