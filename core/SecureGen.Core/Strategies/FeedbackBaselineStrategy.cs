using SecureGen.Core.Analysis;
using SecureGen.Core.Generation;
using SecureGen.Core.Sessions;

namespace SecureGen.Core.Strategies;

/// <summary>
/// FDSP's baselines: generate once, then ask for a fix with one kind of feedback, for a number of
/// iterations (default 1). Direct prompting and self-debugging always ask (they do not use the
/// analyzer); raw and verbalized analyzer feedback ask only while the analyzer reports the code
/// Vulnerable. The last attempt is returned, as the model gave it.
/// </summary>
public sealed class FeedbackBaselineStrategy(string name, IPromptSource prompt, FeedbackKind kind) : IGenerationStrategy
{
    public const string DirectPromptingName = "direct-prompting";
    public const string SelfDebuggingName = "self-debugging";
    public const string AnalyzerFeedbackName = "analyzer-feedback";
    public const string VerbalizedFeedbackName = "verbalized-feedback";

    private const string Reply = "Reply with the complete code in one ```python block.";

    public string Name => name;

    public static string ScopeOf(FeedbackKind kind) => kind switch
    {
        FeedbackKind.DirectPrompting => DirectPromptingName,
        FeedbackKind.SelfDebugging => SelfDebuggingName,
        FeedbackKind.AnalyzerFeedback => AnalyzerFeedbackName,
        _ => VerbalizedFeedbackName,
    };

    public static ParameterSpec IterationsOf(FeedbackKind kind) =>
        new(ScopeOf(kind), "iterations", ParameterKind.WholeNumber, "1", "Feedback rounds.", Minimum: 1);

    /// <summary>The template of the fixing request; {code} and, by kind, {task}, {explanation}, {report} or {feedback}.</summary>
    public static ParameterSpec FixTemplateOf(FeedbackKind kind) => kind switch
    {
        FeedbackKind.DirectPrompting => new(ScopeOf(kind), "template", ParameterKind.Text,
            "{code}\n\nDoes this code have a security issue? If it does, fix it. " + Reply, "Direct prompting; {code} is filled in."),
        FeedbackKind.SelfDebugging => new(ScopeOf(kind), "fix_template", ParameterKind.Text,
            "{code}\n\nExplanation of the code:\n{explanation}\n\nBased on this explanation, does the code have a security issue? If it does, fix it. " + Reply,
            "Fix request after the model's explanation; {code} and {explanation} are filled in."),
        FeedbackKind.AnalyzerFeedback => new(ScopeOf(kind), "template", ParameterKind.Text,
            "{task}\n\n{code}\n\nThe Bandit static analyzer reported:\n{report}\n\nFix the issues in the report. " + Reply,
            "Raw analyzer feedback; {task}, {code} and {report} are filled in."),
        _ => new(ScopeOf(kind), "fix_template", ParameterKind.Text,
            "{task}\n\n{code}\n\nFeedback on the code's security:\n{feedback}\n\nFix the code accordingly. " + Reply,
            "Fix request with the model's verbalized feedback; {task}, {code} and {feedback} are filled in."),
    };

    /// <summary>The first request of the two-step kinds: explain the code (self-debugging) or verbalize the report.</summary>
    public static ParameterSpec? FirstStepTemplateOf(FeedbackKind kind) => kind switch
    {
        FeedbackKind.SelfDebugging => new(ScopeOf(kind), "explain_template", ParameterKind.Text,
            "Explain the following Python code line by line.\n\n{code}", "The explanation request; {code} is filled in."),
        FeedbackKind.VerbalizedFeedback => new(ScopeOf(kind), "verbalize_template", ParameterKind.Text,
            "Here is the report of the Bandit static analyzer for the code below. Explain in plain words what is wrong and how it should be fixed.\n\n{code}\n\nReport:\n{report}",
            "Turns the raw report into plain-language feedback; {code} and {report} are filled in."),
        _ => null,
    };

    public static IReadOnlyList<ParameterSpec> ParametersOf(FeedbackKind kind) =>
        FirstStepTemplateOf(kind) is { } first ? [IterationsOf(kind), first, FixTemplateOf(kind)] : [IterationsOf(kind), FixTemplateOf(kind)];

    public async Task<StrategyOutcome> RunAsync(ISessionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var iterations = context.Parameters.Number(IterationsOf(kind));
        var fixTemplate = context.Parameters.Text(FixTemplateOf(kind));
        var firstStep = FirstStepTemplateOf(kind) is { } spec ? context.Parameters.Text(spec) : null;
        var usesAnalyzer = kind is FeedbackKind.AnalyzerFeedback or FeedbackKind.VerbalizedFeedback;
        var task = PromptTemplates.TaskMessage(context.Input.Task);

        var messages = await prompt.BuildAsync(context, cancellationToken);
        var current = (await CandidateEvaluation.EvaluateAsync(context, await context.GenerateAsync(messages, 1, "sample", cancellationToken), score: false, cancellationToken))[0];
        var all = new List<EvaluatedCandidate> { current };
        for (var round = 1; round <= iterations; round++)
        {
            if (usesAnalyzer && current.Analysis.Verdict != Verdict.Vulnerable)
            {
                context.Record($"{name}: {current.Candidate.Id} is {current.Analysis.Verdict}; no analyzer feedback to give");
                break;
            }

            var values = new Dictionary<string, string?>
            {
                ["task"] = task,
                ["code"] = PromptTemplates.Fenced(current.Candidate.Code),
                ["report"] = FindingFormatter.Raw(current.Analysis),
            };
            if (kind == FeedbackKind.SelfDebugging)
            {
                values["explanation"] = await context.AskAsync([ChatTurn.User(PromptTemplates.Render(firstStep!, values))], "explain", cancellationToken);
            }
            else if (kind == FeedbackKind.VerbalizedFeedback)
            {
                values["feedback"] = await context.AskAsync([ChatTurn.User(PromptTemplates.Render(firstStep!, values))], "verbalize", cancellationToken);
            }

            var refined = await context.RefineAsync([ChatTurn.User(PromptTemplates.Render(fixTemplate, values))], current.Candidate, $"refine-{round}", cancellationToken);
            var evaluated = (await CandidateEvaluation.EvaluateAsync(context, [refined], score: false, cancellationToken))[0];
            await CandidateEvaluation.RecordPairAsync(context, current, evaluated, name, cancellationToken);
            context.Record($"{name}: round {round}: {CandidateRanker.Describe(current)} -> {CandidateRanker.Describe(evaluated)}");
            all.Add(evaluated);
            current = evaluated;
        }

        return new StrategyOutcome(current, all, current == all[0] ? "the only sample (no feedback round ran)" : $"the model's last fix after {all.Count - 1} feedback round(s)");
    }
}
