namespace SecureGen.Core.Strategies;

/// <summary>
/// One completion from a prompt, analysed and returned as it is: baseline (the plain task prompt),
/// prompted, cwe-aware, one-shot and seccoder differ only in the prompt source.
/// </summary>
public sealed class SingleSampleStrategy(string name, IPromptSource prompt) : IGenerationStrategy
{
    public string Name => name;

    public async Task<StrategyOutcome> RunAsync(ISessionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messages = await prompt.BuildAsync(context, cancellationToken);
        var candidates = await context.GenerateAsync(messages, 1, "sample", cancellationToken);
        var evaluated = await CandidateEvaluation.EvaluateAsync(context, candidates, score: true, cancellationToken);
        context.Record($"{name}: returned the only sample without ranking or refinement");
        return new StrategyOutcome(evaluated[0], evaluated, "the only sample");
    }
}
