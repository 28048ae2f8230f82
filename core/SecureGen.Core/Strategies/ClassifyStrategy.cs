using SecureGen.Core.Generation;
using SecureGen.Core.Sessions;

namespace SecureGen.Core.Strategies;

/// <summary>
/// SecuCoGen's vulnerability detection and CWE classification: the model judges the task's insecure
/// and secure references (each in its own conversation). Produces labelled answers, not code; they are
/// scored with accuracy and per-CWE precision, recall and F1 (<see cref="Metrics.ClassificationScorer"/>).
/// </summary>
public sealed class ClassifyStrategy(string name) : IGenerationStrategy
{
    public const string StrategyName = "classify";

    public static readonly ParameterSpec Template = new(StrategyName, "template", ParameterKind.Text,
        "Is the following Python code vulnerable? If it is, which CWE does it have?\n\n{code}\n\n"
        + "Answer in exactly this format:\nVULNERABLE: yes or no\nCWE: CWE-<number> or none",
        "Classification question; {code} (fenced) is filled in.");

    public static IReadOnlyList<ParameterSpec> Parameters { get; } = [Template];

    public string Name => name;

    public async Task<StrategyOutcome> RunAsync(ISessionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var template = context.Parameters.Text(Template);
        var task = context.Input.Task;
        if (task.InsecureReference is null && task.SecureReference is null)
        {
            throw new StrategyNotApplicableException($"{name} needs the task's secure or insecure reference, and task {task.Id} has neither");
        }

        var inputs = new List<(string Label, string Code, bool Vulnerable)>();
        if (task.InsecureReference is not null)
        {
            inputs.Add(("insecure", task.InsecureReference, true));
        }

        if (task.SecureReference is not null)
        {
            inputs.Add(("secure", task.SecureReference, false));
        }

        var outcomes = new List<ClassificationOutcome>();
        foreach (var (label, code, vulnerable) in inputs)
        {
            var question = PromptTemplates.Render(template, new Dictionary<string, string?> { ["code"] = PromptTemplates.Fenced(code) });
            var answer = await context.AskAsync([ChatTurn.User(question)], $"classify-{label}", cancellationToken);
            var (predictedVulnerable, predictedCwe) = ClassificationAnswerParser.Parse(answer);
            outcomes.Add(new ClassificationOutcome(task.Id, label, vulnerable, vulnerable ? task.Cwe : null, predictedVulnerable, predictedCwe, answer));
            context.Record($"{name}: {label} reference: answered vulnerable={Show(predictedVulnerable)}, CWE={(predictedCwe is { } c ? $"CWE-{c}" : "none")} "
                + $"(truth: vulnerable={vulnerable.ToString().ToLowerInvariant()}, CWE={(vulnerable && task.Cwe is { } t ? $"CWE-{t}" : "none")})");
        }

        return new StrategyOutcome(null, [], $"classified {outcomes.Count} labelled reference(s)", outcomes);
    }

    private static string Show(bool? value) => value switch
    {
        true => "yes",
        false => "no",
        null => "unreadable",
    };
}
