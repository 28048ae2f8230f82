using SecureGen.Core.Analysis;
using SecureGen.Core.Generation;
using SecureGen.Core.Retrieval;
using SecureGen.Core.Sessions;
using SecureGen.Core.Strategies;

namespace SecureGen.UnitTests.Strategies;

/// <summary>One request to the model, as the fake saw it.</summary>
public sealed record GenerationCall(IReadOnlyList<ChatTurn> Messages, int Count, string Purpose, string? ParentId)
{
    public string Text => string.Join("\n", Messages.Select(m => m.Content));
}

/// <summary>
/// A scripted session context: samples cycle through the given codes, refinements take the
/// scripted refinement codes in order (then keep the parent's code), free-text questions take the
/// scripted answers; analysis and scores come from <see cref="MarkerAnalyzer"/>. Every call is logged in order.
/// </summary>
public sealed class FakeSessionContext : ISessionContext
{
    private readonly string[] _codes;
    private readonly Lock _gate = new();
    private int _nextSample;
    private int _nextIndex;

    public FakeSessionContext(SessionInput input, params string[] codes)
    {
        Input = input;
        Parameters = new StrategyParameters(input.Parameters);
        _codes = codes;
        Retrieval = new SecureExampleRetrieval(CodeBase, new BagOfWordsEmbedding());
    }

    public SessionInput Input { get; }

    public StrategyParameters Parameters { get; }

    /// <summary>Codes handed out by RefineAsync, in order.</summary>
    public Queue<string> RefinedCodes { get; } = new();

    /// <summary>Answers handed out by AskAsync, in order; an empty answer when none is left.</summary>
    public Queue<string> Answers { get; } = new();

    public InMemorySecureCodeBase CodeBase { get; } = new();

    public SecureExampleRetrieval Retrieval { get; }

    public List<GenerationCall> Generations { get; } = [];

    /// <summary>Every call in order: "generate sample 10", "refine c3", "ask fix-strategies", "analyze 10", "score 10", "retrieve bm25".</summary>
    public List<string> Calls { get; } = [];

    public List<Candidate> Candidates { get; } = [];

    public List<RefinementPair> Pairs { get; } = [];

    public List<RetrievedExample> Retrieved { get; } = [];

    public List<string> Notes { get; } = [];

    public Task<IReadOnlyList<Candidate>> GenerateAsync(IReadOnlyList<ChatTurn> messages, int count, string purpose, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Generations.Add(new GenerationCall(messages, count, purpose, null));
            Calls.Add($"generate {purpose} {count}");
            var list = Enumerable.Range(0, count).Select(_ => Make(_codes[_nextSample++ % _codes.Length], "sample", null)).ToList();
            return Task.FromResult<IReadOnlyList<Candidate>>(list);
        }
    }

    public Task<Candidate> RefineAsync(IReadOnlyList<ChatTurn> messages, Candidate parent, string purpose, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Generations.Add(new GenerationCall(messages, 1, purpose, parent.Id));
            Calls.Add($"refine {parent.Id}");
            var code = RefinedCodes.Count > 0 ? RefinedCodes.Dequeue() : parent.Code;
            return Task.FromResult(Make(code, "refined", parent.Id));
        }
    }

    public Task<string> AskAsync(IReadOnlyList<ChatTurn> messages, string purpose, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Generations.Add(new GenerationCall(messages, 1, purpose, null));
            Calls.Add($"ask {purpose}");
            return Task.FromResult(Answers.Count > 0 ? Answers.Dequeue() : string.Empty);
        }
    }

    /// <summary>When set, analysis answers only once this completes (to hold it back while scoring answers).</summary>
    public Task? AnalysisGate { get; set; }

    public async Task<IReadOnlyList<AnalysisReport>> AnalyzeAsync(IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Calls.Add($"analyze {candidates.Count}");
        }

        if (AnalysisGate is { } gate)
        {
            await gate.WaitAsync(cancellationToken);
        }

        return candidates.Select(c => MarkerAnalyzer.Analyze(c.Code)).ToList();
    }

    public Task<IReadOnlyList<CandidateScore>> ScoreAsync(IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Calls.Add($"score {candidates.Count}");
        }

        return Task.FromResult<IReadOnlyList<CandidateScore>>(candidates.Select(c => MarkerAnalyzer.Score(c.Code)).ToList());
    }

    public async Task<IReadOnlyList<RetrievedExample>> RetrieveExamplesAsync(RetrievalQuery query, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Calls.Add($"retrieve {query.Retriever}");
        }

        var found = await Retrieval.RetrieveAsync(query, Input.Task, cancellationToken);
        Retrieved.AddRange(found);
        return found;
    }

    public async Task RecordRefinementAsync(RefinementPair pair, CancellationToken cancellationToken)
    {
        Pairs.Add(pair);
        if (pair.FixedVulnerability && Parameters.Boolean(SessionParameters.GrowCodeBase))
        {
            await CodeBase.AddAsync(new SecureExample($"fixed:{pair.AfterId}", Input.Task.Id, Input.Task.Dataset, Input.Task.Cwe, Input.Task.Prompt, pair.AfterCode, SecureExample.FixedSource), cancellationToken);
        }
    }

    public void Record(string note) => Notes.Add(note);

    private Candidate Make(string code, string origin, string? parentId)
    {
        var i = _nextIndex++;
        var candidate = new Candidate($"c{i}", i, code, code, "fenced", [], code.Contains("def (", StringComparison.Ordinal) ? "line 1: invalid syntax" : null, origin, parentId);
        Candidates.Add(candidate);
        return candidate;
    }
}
