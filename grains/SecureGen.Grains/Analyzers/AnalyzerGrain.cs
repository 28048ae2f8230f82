using MassTransit;
using SecureGen.Contracts;
using SecureGen.Core.Analysis;

namespace SecureGen.Grains.Analyzers;

/// <summary>Runs the static analyzers on a session's candidates and publishes each verdict.</summary>
public sealed class AnalyzerGrain(ICodeAnalyzer analyzer) : IConsumer<AnalyzeCandidates>
{
    public async Task Consume(ConsumeContext<AnalyzeCandidates> context)
    {
        var request = context.Message;
        var reports = await Task.WhenAll(request.Candidates.Select(c => analyzer.AnalyzeAsync(c.Code, context.CancellationToken)));
        await context.RespondAsync(new CandidatesAnalyzed(request.SessionId, reports));
        for (var i = 0; i < reports.Length; i++)
        {
            await context.Publish(new CandidateAnalyzed(request.SessionId, request.Candidates[i].CandidateId, reports[i].Verdict, reports[i].Findings.Count));
        }
    }
}
