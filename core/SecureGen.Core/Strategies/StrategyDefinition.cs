namespace SecureGen.Core.Strategies;

/// <summary>
/// A strategy as the catalogue knows it: how to build it over a prompt source, and, for prompt
/// strategies, how to stand in front of another strategy as a prompt decorator ("seccoder+securecoder").
/// </summary>
/// <param name="Create">Builds the strategy under the given session name over the given prompt source.</param>
/// <param name="Decorate">Set for prompt strategies: wraps a prompt source with this strategy's prompt.</param>
/// <param name="AcceptsPrompt">False for tasks that ignore the task prompt (repair, classify): they cannot follow a prompt strategy.</param>
public sealed record StrategyDefinition(
    string Name,
    string Description,
    IReadOnlyList<ParameterSpec> Parameters,
    Func<string, IPromptSource, IGenerationStrategy> Create,
    Func<IPromptSource, IPromptSource>? Decorate = null,
    bool AcceptsPrompt = true);
