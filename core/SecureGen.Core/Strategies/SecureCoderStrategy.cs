using SecureGen.Core.Analysis;
using SecureGen.Core.Generation;
using SecureGen.Core.Sessions;

namespace SecureGen.Core.Strategies;

/// <summary>
/// SecureCoder: sample N; rank by detector verdict, then by the neural scorer's mean token score;
/// regenerate every vulnerable candidate in a new conversation carrying its findings (rule, CWE,
/// description, lines); analyse and re-rank everything; return the top. Each refinement is recorded
/// as a before/after pair for scorer bootstrapping. Ablations: without refinement, without the scorer.
/// </summary>
public sealed class SecureCoderStrategy(string name, IPromptSource prompt, bool refine = true, bool useScorer = true) : IGenerationStrategy
{
    public const string Scope = "securecoder";

    public static readonly ParameterSpec Samples = new(Scope, "n", ParameterKind.WholeNumber, "10", "Samples drawn before ranking.", Minimum: 1);

    public static readonly ParameterSpec RefineTemplate = new(Scope, "refine_template", ParameterKind.Text,
        "{task}\n\nA static analyzer found these security issues in the code below:\n{findings}\n\n{code}\n\n"
        + "Rewrite the code so that it fixes every issue listed while keeping its behaviour. Reply with the complete code in one ```python block.",
        "Refinement message, sent as a new conversation; {task}, {findings} (one line per finding: rule, CWE, severity, lines, description) and {code} (fenced) are filled in.");

    public static IReadOnlyList<ParameterSpec> Parameters { get; } = [Samples, RefineTemplate];

    public string Name => name;

    public async Task<StrategyOutcome> RunAsync(ISessionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var n = context.Parameters.Number(Samples);
        var template = context.Parameters.Text(RefineTemplate);
        var messages = await prompt.BuildAsync(context, cancellationToken);
        var sampled = await context.GenerateAsync(messages, n, "sample", cancellationToken);
        var evaluated = await CandidateEvaluation.EvaluateAsync(context, sampled, useScorer, cancellationToken);
        var ranked = CandidateRanker.Rank(evaluated, useScorer);
        context.Record($"{name}: first ranking of {ranked.Count} samples{(useScorer ? string.Empty : " (scorer disabled)")}: {string.Join(" > ", ranked.Select(CandidateRanker.Describe))}");

        var all = evaluated.ToList();
        var vulnerable = evaluated.Where(e => e.Analysis.Verdict == Verdict.Vulnerable).ToList();
        if (!refine)
        {
            context.Record($"{name}: refinement disabled (ablation); {vulnerable.Count} vulnerable sample(s) kept as they are");
        }
        else if (vulnerable.Count == 0)
        {
            context.Record($"{name}: no vulnerable sample, nothing to refine");
        }
        else
        {
            context.Record($"{name}: regenerating {vulnerable.Count} vulnerable sample(s) with their findings: {string.Join(", ", vulnerable.Select(v => v.Candidate.Id))}");
            var task = PromptTemplates.TaskMessage(context.Input.Task);
            var refined = await Task.WhenAll(vulnerable.Select(v => context.RefineAsync(FeedbackMessages(template, task, v), v.Candidate, "refine", cancellationToken)));
            var refinedEvaluated = await CandidateEvaluation.EvaluateAsync(context, refined, useScorer, cancellationToken);
            for (var i = 0; i < vulnerable.Count; i++)
            {
                await CandidateEvaluation.RecordPairAsync(context, vulnerable[i], refinedEvaluated[i], name, cancellationToken);
            }

            all.AddRange(refinedEvaluated);
            ranked = CandidateRanker.Rank(all, useScorer);
            context.Record($"{name}: re-ranked {ranked.Count} candidates: {string.Join(" > ", ranked.Select(CandidateRanker.Describe))}");
        }

        var top = ranked[0];
        var origin = top.Candidate.ParentId is { } parent ? $", refined from {parent}" : string.Empty;
        return new StrategyOutcome(top, all, $"top of {ranked.Count} ranked candidates ({CandidateRanker.Describe(top)}{origin})");
    }

    /// <summary>A new conversation: the task, the vulnerable code and its findings; not a continuation of the sampling chat.</summary>
    private static IReadOnlyList<ChatTurn> FeedbackMessages(string template, string task, EvaluatedCandidate vulnerable) =>
        [ChatTurn.User(PromptTemplates.Render(template, new Dictionary<string, string?>
        {
            ["task"] = task,
            ["findings"] = FindingFormatter.Structured(vulnerable.Analysis),
            ["code"] = PromptTemplates.Fenced(vulnerable.Candidate.Code),
        }))];
}
