namespace SecureGen.Core.Strategies;

/// <summary>FRANC-like ranking: sample N, rank by the static analyzers alone, return the best; no refinement.</summary>
public sealed class FrancStrategy(string name, IPromptSource prompt) : IGenerationStrategy
{
    public const string Scope = "franc";

    public static readonly ParameterSpec Samples = new(Scope, "n", ParameterKind.WholeNumber, "10", "Samples drawn before ranking.", Minimum: 1);

    public static IReadOnlyList<ParameterSpec> Parameters { get; } = [Samples];

    public string Name => name;

    public async Task<StrategyOutcome> RunAsync(ISessionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var n = context.Parameters.Number(Samples);
        var messages = await prompt.BuildAsync(context, cancellationToken);
        var candidates = await context.GenerateAsync(messages, n, "sample", cancellationToken);
        var evaluated = await CandidateEvaluation.EvaluateAsync(context, candidates, score: false, cancellationToken);
        var ranked = CandidateRanker.Rank(evaluated, useScores: false);
        context.Record($"{name}: ranked {ranked.Count} samples by static analysis: {string.Join(" > ", ranked.Select(CandidateRanker.Describe))}");
        return new StrategyOutcome(ranked[0], evaluated, $"best of {ranked.Count} samples by static analysis ({CandidateRanker.Describe(ranked[0])})");
    }
}
