using SecureGen.Core.Analysis;
using SecureGen.Core.Generation;

namespace SecureGen.Core.Strategies;

/// <summary>
/// SecuCoGen's CWE-aware prompting: the task plus the weakness it is prone to. The weakness is the
/// dataset's CWE tag; for an untagged task it is inferred (inference=sample: one plain sample is
/// analysed and its most severe finding's CWE is used, falling back to the keyword catalogue;
/// inference=keywords: the catalogue's keywords alone; inference=none: a generic hint).
/// </summary>
public sealed class CweHintPrompt(IPromptSource inner) : IPromptSource
{
    public const string Scope = "cwe-aware";

    public static readonly ParameterSpec Template = new(Scope, "template", ParameterKind.Text,
        "{prompt}\n\nThis task is prone to {cwe} ({cwe_name}): {cwe_description} Write the code so that it does not contain this weakness.",
        "CWE-aware message; {prompt}, {cwe} (CWE-n), {cwe_name} and {cwe_description} are filled in.");

    public static readonly ParameterSpec FallbackTemplate = new(Scope, "fallback_template", ParameterKind.Text,
        "{prompt}\n\nWrite the code so that it contains no weakness from the CWE catalogue (injection, unsafe deserialisation, weak cryptography, path traversal and the like).",
        "Used when the task has no CWE and none could be inferred.");

    public static readonly ParameterSpec Inference = new(Scope, "inference", ParameterKind.Choice, "sample",
        "How to find the CWE of an untagged task: sample (analyse one plain sample, then keywords), keywords, none.", ["sample", "keywords", "none"]);

    public static IReadOnlyList<ParameterSpec> Parameters { get; } = [Template, FallbackTemplate, Inference];

    public async Task<IReadOnlyList<ChatTurn>> BuildAsync(ISessionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messages = await inner.BuildAsync(context, cancellationToken);
        var template = context.Parameters.Text(Template);
        var fallback = context.Parameters.Text(FallbackTemplate);
        var inference = context.Parameters.Choice(Inference);
        var cwe = context.Input.Task.Cwe;
        if (cwe is not null)
        {
            context.Record($"cwe-aware: CWE-{cwe} from the dataset's tag");
        }
        else
        {
            cwe = await InferAsync(context, messages, inference, cancellationToken);
        }

        if (cwe is null)
        {
            context.Record("cwe-aware: no CWE known or inferred; used the generic hint");
            return PromptEdits.WithLastUser(messages, prompt => PromptTemplates.Render(fallback, new Dictionary<string, string?> { ["prompt"] = prompt }));
        }

        var entry = CweCatalog.Find(cwe.Value);
        var values = new Dictionary<string, string?>
        {
            ["cwe"] = $"CWE-{cwe}",
            ["cwe_name"] = entry?.Name ?? "a known weakness",
            ["cwe_description"] = entry?.Description ?? "see the CWE catalogue.",
        };
        return PromptEdits.WithLastUser(messages, prompt => PromptTemplates.Render(template, new Dictionary<string, string?>(values) { ["prompt"] = prompt }));
    }

    private static async Task<int?> InferAsync(ISessionContext context, IReadOnlyList<ChatTurn> messages, string inference, CancellationToken cancellationToken)
    {
        if (inference == "none")
        {
            return null;
        }

        if (inference == "sample")
        {
            var probe = await context.GenerateAsync(messages, 1, "cwe-probe", cancellationToken);
            var report = (await context.AnalyzeAsync(probe, cancellationToken))[0];
            var worst = report.Findings.Where(f => f.Cwe is not null).OrderByDescending(f => f.Severity).ThenByDescending(f => f.Confidence).ThenBy(f => f.Line).FirstOrDefault();
            if (worst is not null)
            {
                context.Record($"cwe-aware: task has no CWE tag; inferred CWE-{worst.Cwe} from {worst.Tool} {worst.RuleId} on a plain sample ({probe[0].Id})");
                return worst.Cwe;
            }

            context.Record($"cwe-aware: the plain sample {probe[0].Id} had no finding with a CWE ({report.Verdict}); trying the keyword catalogue");
        }

        var guess = CweCatalog.Guess(context.Input.Task.Prompt);
        if (guess is not null)
        {
            context.Record($"cwe-aware: task has no CWE tag; guessed {guess.Label} ({guess.Name}) from the prompt's keywords");
        }

        return guess?.Id;
    }
}
