using SecureGen.Core.Benchmarks;
using SecureGen.Core.Strategies;

namespace SecureGen.Core.Sessions;

/// <summary>One session per (task, strategy, sample), with deterministic ids and seeds; the CLI and the runs API plan alike.</summary>
public sealed record RunPlan(IReadOnlyList<SessionInput> Sessions, IReadOnlyList<string> Skipped)
{
    /// <param name="model">The model sessions ask for: resolved from --model, the configuration, or the endpoint.</param>
    public static RunPlan Create(string runId, IReadOnlyList<BenchmarkTask> tasks, RunPlanOptions options, string model)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(options);
        var plan = new List<SessionInput>();
        var skipped = new List<string>();
        foreach (var task in tasks)
        {
            var sessionTask = new SessionTask(task.Id, task.Dataset, task.Prompt, task.PromptCode, task.EntryPoint, task.Cwe, task.SecureReference, task.InsecureReference, task.TestSuite);
            foreach (var strategy in options.Strategies)
            {
                if (MissingInput(strategy, task) is { } missing)
                {
                    skipped.Add($"{strategy} on {task.Id}: {missing}");
                    continue;
                }

                for (var sample = 0; sample < options.Samples; sample++)
                {
                    plan.Add(new SessionInput(
                        runId,
                        SessionIds.For(runId, task.Id, strategy, sample),
                        sessionTask,
                        strategy,
                        sample,
                        Seed: options.Seed + sample,
                        model,
                        options.Temperature,
                        options.MaxTokens,
                        options.Parameters,
                        options.StorePrompts));
                }
            }
        }

        return new RunPlan(plan, skipped);
    }

    /// <summary>Repair and classify take the dataset's references as input; tasks without them are left out of those strategies.</summary>
    private static string? MissingInput(string strategy, BenchmarkTask task) => strategy.ToLowerInvariant() switch
    {
        RepairStrategy.PlainName or RepairStrategy.ExplainedName when task.InsecureReference is null => "the task has no insecure reference",
        ClassifyStrategy.StrategyName when task.InsecureReference is null && task.SecureReference is null => "the task has no reference code",
        _ => null,
    };
}
