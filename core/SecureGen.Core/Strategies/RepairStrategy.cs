using SecureGen.Core.Generation;

namespace SecureGen.Core.Strategies;

/// <summary>
/// SecuCoGen's code repair: the model is given the dataset's insecure reference and asked to fix
/// it, without (repair) or with (repair-explained) an explanation of the flaw from the task's CWE.
/// The repaired code is judged like any generated code.
/// </summary>
public sealed class RepairStrategy(string name, bool explainByDefault) : IGenerationStrategy
{
    public const string PlainName = "repair";
    public const string ExplainedName = "repair-explained";

    public string Name => name;

    public static ParameterSpec ExplainOf(string scope, bool explainByDefault) =>
        new(scope, "explain", ParameterKind.Boolean, explainByDefault ? "true" : "false", "Tell the model which weakness the code has (from the task's CWE).");

    public static ParameterSpec TemplateOf(string scope) => new(scope, "template", ParameterKind.Text,
        "The following Python code has a security vulnerability.{explanation} Fix the vulnerability while keeping the code's functionality. "
        + "Reply with the complete fixed code in one ```python block.\n\n{code}",
        "Repair request; {code} (fenced) and {explanation} (empty, or a sentence naming the CWE) are filled in.");

    public static IReadOnlyList<ParameterSpec> ParametersOf(string scope, bool explainByDefault) => [ExplainOf(scope, explainByDefault), TemplateOf(scope)];

    public async Task<StrategyOutcome> RunAsync(ISessionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var explain = context.Parameters.Boolean(ExplainOf(name, explainByDefault));
        var template = context.Parameters.Text(TemplateOf(name));
        var task = context.Input.Task;
        var insecure = task.InsecureReference
            ?? throw new StrategyNotApplicableException($"{name} needs the task's insecure reference, and task {task.Id} has none");

        var explanation = string.Empty;
        if (explain && task.Cwe is { } cwe)
        {
            var entry = CweCatalog.Find(cwe);
            explanation = entry is null ? $" It has CWE-{cwe}." : $" It has {entry.Label} ({entry.Name}): {entry.Description}";
        }
        else if (explain)
        {
            context.Record($"{name}: the task has no CWE tag, so no explanation could be given");
        }

        var message = PromptTemplates.Render(template, new Dictionary<string, string?>
        {
            ["code"] = PromptTemplates.Fenced(insecure),
            ["explanation"] = explanation,
        });
        var candidates = await context.GenerateAsync([ChatTurn.User(message)], 1, "repair", cancellationToken);
        var evaluated = await CandidateEvaluation.EvaluateAsync(context, candidates, score: true, cancellationToken);
        context.Record($"{name}: repaired the insecure reference {(explanation.Length > 0 ? "with" : "without")} an explanation of the flaw");
        return new StrategyOutcome(evaluated[0], evaluated, "the model's repair of the insecure reference");
    }
}
