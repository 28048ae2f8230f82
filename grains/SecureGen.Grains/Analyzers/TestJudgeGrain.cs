using MassTransit;
using SecureGen.Contracts;
using SecureGen.Core.Benchmarks.Judging;

namespace SecureGen.Grains.Analyzers;

/// <summary>Runs a task's tests against a candidate inside the sandbox: the execution-based judge.</summary>
public sealed class TestJudgeGrain(ITestJudge judge) : IConsumer<JudgeCandidate>
{
    public async Task Consume(ConsumeContext<JudgeCandidate> context)
    {
        var request = context.Message;
        var judgement = await judge.JudgeAsync(request.Suite, request.Code, context.CancellationToken);
        await context.RespondAsync(new CandidateJudged(request.SessionId, judgement));
    }
}
