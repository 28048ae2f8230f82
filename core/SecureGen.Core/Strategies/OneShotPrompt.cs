using SecureGen.Core.Generation;
using SecureGen.Core.Retrieval;

namespace SecureGen.Core.Strategies;

/// <summary>
/// SecuCoGen's one-shot prompting: another task's prompt and its secure solution come first. The
/// example is a dataset reference (never the task itself), drawn with the session's seed, from the
/// same CWE when one is available (selection=same-cwe) or from all tasks (selection=random).
/// </summary>
public sealed class OneShotPrompt(IPromptSource inner) : IPromptSource
{
    public const string Scope = "one-shot";

    public static readonly ParameterSpec Template = new(Scope, "template", ParameterKind.Text,
        "Here is an example task and a secure solution to it.\n\nExample task:\n{example_prompt}\n\nSecure solution:\n{example_code}\n\n"
        + "Now solve the following task in the same careful way.\n\n{prompt}",
        "One-shot message; {example_prompt}, {example_code} (fenced) and {prompt} are filled in.");

    public static readonly ParameterSpec Selection = new(Scope, "selection", ParameterKind.Choice, "same-cwe",
        "Which other task serves as the example: same-cwe (falls back to any) or random.", ["same-cwe", "random"]);

    public static IReadOnlyList<ParameterSpec> Parameters { get; } = [Template, Selection];

    public async Task<IReadOnlyList<ChatTurn>> BuildAsync(ISessionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messages = await inner.BuildAsync(context, cancellationToken);
        var template = context.Parameters.Text(Template);
        var selection = context.Parameters.Choice(Selection);
        var task = context.Input.Task;
        var query = new RetrievalQuery(task.Prompt, RandomRetriever.RetrieverName, 1, context.Input.Seed,
            PreferCwe: selection == "same-cwe" ? task.Cwe : null, ReferencesOnly: true);
        var found = await context.RetrieveExamplesAsync(query, cancellationToken);
        if (found.Count == 0)
        {
            context.Record("one-shot: no other task with a secure reference is loaded; the prompt is unchanged");
            return messages;
        }

        var example = found[0].Example;
        context.Record($"one-shot: example is task {example.TaskId}{(example.Cwe is { } c ? $" (CWE-{c})" : string.Empty)}");
        return PromptEdits.WithLastUser(messages, prompt => PromptTemplates.Render(template, new Dictionary<string, string?>
        {
            ["example_prompt"] = example.Prompt.TrimEnd(),
            ["example_code"] = PromptTemplates.Fenced(example.Code),
            ["prompt"] = prompt,
        }));
    }
}
