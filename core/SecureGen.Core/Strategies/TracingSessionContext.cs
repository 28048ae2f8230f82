using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SecureGen.Core.Analysis;
using SecureGen.Core.Generation;
using SecureGen.Core.Retrieval;
using SecureGen.Core.Sessions;

namespace SecureGen.Core.Strategies;

/// <summary>
/// Wraps a session context and writes down everything the strategy does through it: each prompt
/// (or only its SHA-256 when the tenant opted out of storing prompts), the candidates it produced,
/// analyses, scores, retrievals, refinements and decisions, in order. Every context gets the same trace.
/// </summary>
public sealed class TracingSessionContext(ISessionContext inner) : ISessionContext
{
    private readonly Lock _gate = new();
    // Groups of events in the order their calls were made (a group is filled when its call returns: analysis and
    // scoring of one batch run side by side, and the trace must not depend on which returns first).
    private readonly List<TraceEvent[]?> _events = [];
    private readonly List<string> _notes = [];
    private readonly List<RefinementPair> _pairs = [];

    public SessionInput Input => inner.Input;

    public StrategyParameters Parameters => inner.Parameters;

    public IReadOnlyList<TraceEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events.OfType<TraceEvent[]>().SelectMany(g => g).Select((e, i) => e with { Seq = i + 1 })];
            }
        }
    }

    /// <summary>The decisions, as plain sentences.</summary>
    public IReadOnlyList<string> Notes
    {
        get
        {
            lock (_gate)
            {
                return [.. _notes];
            }
        }
    }

    public IReadOnlyList<RefinementPair> RefinementPairs
    {
        get
        {
            lock (_gate)
            {
                return [.. _pairs];
            }
        }
    }

    public static string PromptHash(IReadOnlyList<ChatTurn> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var canonical = JsonSerializer.Serialize(messages.Select(m => new[] { m.Role, m.Content }));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public async Task<IReadOnlyList<Candidate>> GenerateAsync(IReadOnlyList<ChatTurn> messages, int count, string purpose, CancellationToken cancellationToken)
    {
        try
        {
            var candidates = await inner.GenerateAsync(messages, count, purpose, cancellationToken);
            Add(Prompt(messages, purpose, null) with { CandidateIds = candidates.Select(c => c.Id).ToList() });
            return candidates;
        }
        catch (InfrastructureFailureException e)
        {
            Add(Prompt(messages, purpose, null) with { Text = $"failed: {e.Message}" });
            throw;
        }
    }

    public async Task<Candidate> RefineAsync(IReadOnlyList<ChatTurn> messages, Candidate parent, string purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parent);
        try
        {
            var candidate = await inner.RefineAsync(messages, parent, purpose, cancellationToken);
            Add(Prompt(messages, purpose, parent.Id) with { CandidateIds = [candidate.Id] });
            return candidate;
        }
        catch (InfrastructureFailureException e)
        {
            Add(Prompt(messages, purpose, parent.Id) with { Text = $"failed: {e.Message}" });
            throw;
        }
    }

    public async Task<string> AskAsync(IReadOnlyList<ChatTurn> messages, string purpose, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await inner.AskAsync(messages, purpose, cancellationToken);
            Add(Prompt(messages, purpose, null) with { Reply = reply });
            return reply;
        }
        catch (InfrastructureFailureException e)
        {
            Add(Prompt(messages, purpose, null) with { Text = $"failed: {e.Message}" });
            throw;
        }
    }

    public async Task<IReadOnlyList<AnalysisReport>> AnalyzeAsync(IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var slot = Reserve();
        var reports = await inner.AnalyzeAsync(candidates, cancellationToken);
        Fill(slot, candidates.Select((c, i) => new TraceEvent(0, "analysis", CandidateIds: [c.Id], Verdict: reports[i].Verdict, Findings: reports[i].Findings,
            Text: string.Join("; ", reports[i].Reasons))));
        return reports;
    }

    public async Task<IReadOnlyList<CandidateScore>> ScoreAsync(IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var slot = Reserve();
        var scores = await inner.ScoreAsync(candidates, cancellationToken);
        Fill(slot, candidates.Select((c, i) => new TraceEvent(0, "score", CandidateIds: [c.Id], Score: scores[i])));
        return scores;
    }

    public async Task<IReadOnlyList<RetrievedExample>> RetrieveExamplesAsync(RetrievalQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var examples = await inner.RetrieveExamplesAsync(query, cancellationToken);
        var found = examples.Count == 0
            ? "nothing"
            : string.Join(", ", examples.Select(e => $"{e.Example.Id} (task {e.Example.TaskId}, {e.Example.Source}, similarity {e.Similarity:0.###})"));
        Add(new TraceEvent(0, "retrieval", Purpose: query.Retriever, Text: $"{query.Retriever} over {query.MatchOn}, top {query.Count}, task {Input.Task.Id} excluded: {found}"));
        return examples;
    }

    public async Task RecordRefinementAsync(RefinementPair pair, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pair);
        lock (_gate)
        {
            _pairs.Add(pair);
        }

        Add(new TraceEvent(0, "refinement", CandidateIds: [pair.BeforeId, pair.AfterId], ParentId: pair.BeforeId, Verdict: pair.AfterVerdict,
            Text: $"{pair.BeforeId} ({pair.BeforeVerdict}, {pair.BeforeFindings.Count} findings) -> {pair.AfterId} ({pair.AfterVerdict}, {pair.AfterFindings.Count} findings)"));
        await inner.RecordRefinementAsync(pair, cancellationToken);
    }

    public void Record(string note)
    {
        lock (_gate)
        {
            _notes.Add(note);
        }

        Add(new TraceEvent(0, "note", Text: note));
        inner.Record(note);
    }

    /// <summary>The last event of a session: which candidate the strategy returned, and why.</summary>
    public void RecordChoice(StrategyOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Add(new TraceEvent(0, "choice", CandidateIds: outcome.Chosen is null ? null : [outcome.Chosen.Candidate.Id], Text: outcome.Reason));
    }

    private TraceEvent Prompt(IReadOnlyList<ChatTurn> messages, string purpose, string? parentId) =>
        new(0, "prompt", Purpose: purpose, ParentId: parentId, Messages: Input.StorePrompts ? messages : null, PromptSha256: PromptHash(messages));

    private void Add(TraceEvent e) => Fill(Reserve(), [e]);

    private int Reserve()
    {
        lock (_gate)
        {
            _events.Add(null);
            return _events.Count - 1;
        }
    }

    private void Fill(int slot, IEnumerable<TraceEvent> events)
    {
        var group = events.ToArray();
        lock (_gate)
        {
            _events[slot] = group;
        }
    }
}
