using MassTransit;
using SecureGen.Contracts;
using SecureGen.Core.Analysis;
using SecureGen.Core.Generation;
using SecureGen.Core.Sessions;
using SecureGen.Core.Strategies;

namespace SecureGen.Grains.Sessions;

/// <summary>The session context a strategy sees inside a SessionGrain: each call is a request to another grain.</summary>
internal sealed class GrainSessionContext(
    SessionInput input,
    IRequestClient<GenerateCandidates> generate,
    IRequestClient<AnalyzeCandidates> analyze,
    IRequestClient<ScoreCandidates> score) : ISessionContext
{
    private readonly List<LlmCall> _calls = [];
    private readonly List<string> _trace = [];
    private int _nextIndex;
    private int _generateRounds;

    public SessionInput Input { get; } = input;

    public IReadOnlyList<LlmCall> Calls => _calls;

    public IReadOnlyList<string> Trace => _trace;

    public async Task<IReadOnlyList<Candidate>> GenerateAsync(IReadOnlyList<ChatTurn> messages, int count, string purpose, CancellationToken cancellationToken)
    {
        // Each round gets its own seed range so that refinements never replay the first samples.
        var seed = Input.Seed + (1000L * _generateRounds++);
        var request = new GenerateCandidates(Input.SessionId, messages, count, purpose, seed, Input.Model, Input.Temperature, Input.MaxTokens,
            Input.Task.PromptCode, Input.Task.EntryPoint, _nextIndex);
        var response = await generate.GetResponse<CandidatesGenerated>(request, cancellationToken);
        var reply = response.Message;
        _calls.AddRange(reply.Calls);
        if (reply.InfrastructureFailure is not null)
        {
            throw new InfrastructureFailureException(reply.InfrastructureFailure);
        }

        _nextIndex += reply.Candidates.Count;
        return reply.Candidates;
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

    public void Record(string note) => _trace.Add(note);
}
