using SecureGen.Core.Analysis;
using SecureGen.Core.Generation;
using SecureGen.Core.Sessions;

namespace SecureGen.Core.Strategies;

/// <summary>
/// FDSP (feedback-driven security patching): generate; analyse; when vulnerable, ask the model to
/// explain the analyzer's report and propose J distinct fix strategies; for each strategy refine up
/// to K times, re-analysing each attempt; return the first clean attempt, else the last attempt.
/// </summary>
public sealed class FdspStrategy(string name, IPromptSource prompt) : IGenerationStrategy
{
    public const string Scope = "fdsp";

    public static readonly ParameterSpec StrategyCount = new(Scope, "j", ParameterKind.WholeNumber, "3", "Distinct fix strategies asked for (J).", Minimum: 1);

    public static readonly ParameterSpec Iterations = new(Scope, "k", ParameterKind.WholeNumber, "3", "Refinements per strategy until the analyzer is clean (K).", Minimum: 1);

    public static readonly ParameterSpec StrategiesTemplate = new(Scope, "strategies_template", ParameterKind.Text,
        "The following Python code was checked with the Bandit static analyzer.\n\n{code}\n\nBandit report:\n{report}\n\n"
        + "Explain what the report means for this code. Then propose {j} distinct strategies to fix the security issues, "
        + "as a numbered list (1., 2., ...) with one strategy per item.",
        "Asks for the explanation and J fix strategies; {code}, {report} (raw analyzer report) and {j} are filled in.");

    public static readonly ParameterSpec RefineTemplate = new(Scope, "refine_template", ParameterKind.Text,
        "{task}\n\nThe code below has security issues reported by Bandit:\n{report}\n\n{code}\n\n"
        + "Fix the issues using this strategy: {strategy}\n\nReply with the complete fixed code in one ```python block.",
        "One refinement; {task}, {report}, {code} and {strategy} are filled in.");

    public static IReadOnlyList<ParameterSpec> Parameters { get; } = [StrategyCount, Iterations, StrategiesTemplate, RefineTemplate];

    public const string FallbackStrategy = "Fix every issue in the report with the safe API or input validation it calls for.";

    public string Name => name;

    public async Task<StrategyOutcome> RunAsync(ISessionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var j = context.Parameters.Number(StrategyCount);
        var k = context.Parameters.Number(Iterations);
        var strategiesTemplate = context.Parameters.Text(StrategiesTemplate);
        var refineTemplate = context.Parameters.Text(RefineTemplate);

        var messages = await prompt.BuildAsync(context, cancellationToken);
        var first = (await CandidateEvaluation.EvaluateAsync(context, await context.GenerateAsync(messages, 1, "sample", cancellationToken), score: false, cancellationToken))[0];
        var all = new List<EvaluatedCandidate> { first };
        if (first.Analysis.Verdict != Verdict.Vulnerable)
        {
            context.Record($"{name}: the first sample is {first.Analysis.Verdict}; no analyzer feedback to act on");
            return new StrategyOutcome(first, all, $"first sample is {first.Analysis.Verdict}; nothing to patch");
        }

        var ask = PromptTemplates.Render(strategiesTemplate, new Dictionary<string, string?>
        {
            ["code"] = PromptTemplates.Fenced(first.Candidate.Code),
            ["report"] = FindingFormatter.Raw(first.Analysis),
            ["j"] = j.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var answer = await context.AskAsync([ChatTurn.User(ask)], "fix-strategies", cancellationToken);
        var strategies = FixStrategyParser.Parse(answer, j);
        if (strategies.Count == 0)
        {
            context.Record($"{name}: no numbered fix strategy could be read from the answer; using one generic strategy");
            strategies = [FallbackStrategy];
        }
        else
        {
            context.Record($"{name}: {strategies.Count} fix strateg{(strategies.Count == 1 ? "y" : "ies")}: {string.Join(" | ", strategies.Select((s, i) => $"{i + 1}. {s}"))}");
        }

        var task = PromptTemplates.TaskMessage(context.Input.Task);
        var last = first;
        for (var s = 0; s < strategies.Count; s++)
        {
            var current = first;
            for (var attempt = 1; attempt <= k; attempt++)
            {
                var refineMessages = RefineMessages(refineTemplate, task, current, strategies[s]);
                var refined = await context.RefineAsync(refineMessages, current.Candidate, $"refine-s{s + 1}-k{attempt}", cancellationToken);
                var evaluated = (await CandidateEvaluation.EvaluateAsync(context, [refined], score: false, cancellationToken))[0];
                await CandidateEvaluation.RecordPairAsync(context, current, evaluated, name, cancellationToken);
                all.Add(evaluated);
                last = evaluated;
                if (evaluated.Analysis.Verdict == Verdict.Secure)
                {
                    context.Record($"{name}: strategy {s + 1}, attempt {attempt}: {CandidateRanker.Describe(evaluated)}; clean, stopping");
                    return new StrategyOutcome(evaluated, all, $"first clean attempt (strategy {s + 1} of {strategies.Count}, attempt {attempt} of {k})");
                }

                context.Record($"{name}: strategy {s + 1}, attempt {attempt}: {CandidateRanker.Describe(evaluated)}");
                current = evaluated;
            }
        }

        return new StrategyOutcome(last, all, $"no attempt was clean after {strategies.Count} strateg{(strategies.Count == 1 ? "y" : "ies")} x {k} attempts; returned the last attempt");
    }

    private static IReadOnlyList<ChatTurn> RefineMessages(string template, string task, EvaluatedCandidate current, string strategy) =>
        [ChatTurn.User(PromptTemplates.Render(template, new Dictionary<string, string?>
        {
            ["task"] = task,
            ["report"] = FindingFormatter.Raw(current.Analysis),
            ["code"] = PromptTemplates.Fenced(current.Candidate.Code),
            ["strategy"] = strategy,
        }))];
}
