using SecureGen.Core.Analysis;
using SecureGen.Core.Generation;
using SecureGen.Core.Sessions;
using SecureGen.Core.Strategies;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Strategies;

/// <summary>A scripted session context: hands out the given codes as candidates and records every call.</summary>
public sealed class FakeSessionContext(SessionInput input, params string[] codes) : ISessionContext
{
    private readonly KeywordAnalyzer _analyzer = new();
    private int _next;

    public SessionInput Input { get; } = input;

    public List<(IReadOnlyList<ChatTurn> Messages, int Count, string Purpose)> Generations { get; } = [];

    public List<string> Notes { get; } = [];

    public Task<IReadOnlyList<Candidate>> GenerateAsync(IReadOnlyList<ChatTurn> messages, int count, string purpose, CancellationToken cancellationToken)
    {
        Generations.Add((messages, count, purpose));
        var list = Enumerable.Range(0, count).Select(_ =>
        {
            var i = _next++;
            return new Candidate($"c{i}", i, codes[i % codes.Length], codes[i % codes.Length], "fenced", [], null);
        }).ToList();
        return Task.FromResult<IReadOnlyList<Candidate>>(list);
    }

    public async Task<IReadOnlyList<AnalysisReport>> AnalyzeAsync(IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken)
    {
        var reports = new List<AnalysisReport>();
        foreach (var c in candidates)
        {
            reports.Add(await _analyzer.AnalyzeAsync(c.Code, cancellationToken));
        }

        return reports;
    }

    public Task<IReadOnlyList<CandidateScore>> ScoreAsync(IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CandidateScore>>(candidates.Select(_ => CandidateScore.Unscored("fake")).ToList());

    public void Record(string note) => Notes.Add(note);
}
