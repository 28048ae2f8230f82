using SecureGen.Core.Generation;
using SecureGen.Core.Sessions;

namespace SecureGen.Core.Strategies;

/// <summary>Plain generation: one completion from the task prompt, analysed and returned as it is.</summary>
public sealed class BaselineStrategy : IGenerationStrategy
{
    public const string StrategyName = "baseline";

    public string Name => StrategyName;

    public async Task<StrategyOutcome> RunAsync(ISessionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messages = new[] { ChatTurn.User(PromptTemplates.TaskMessage(context.Input.Task)) };
        var candidates = await context.GenerateAsync(messages, 1, "sample", cancellationToken);
        var reports = await context.AnalyzeAsync(candidates, cancellationToken);
        var scores = await context.ScoreAsync(candidates, cancellationToken);
        var evaluated = candidates.Select((c, i) => new EvaluatedCandidate(c, reports[i], scores[i])).ToList();
        context.Record("baseline: returned the only sample without ranking or refinement");
        return new StrategyOutcome(evaluated[0], evaluated, "the only sample");
    }
}
