using SecureGen.Core.Benchmarks;
using SecureGen.Core.Sessions;

namespace SecureGen.Cli.Eval;

/// <summary>One session per (task, strategy, sample), with deterministic ids and seeds.</summary>
internal static class RunPlan
{
    public static IReadOnlyList<SessionInput> Create(string runId, IReadOnlyList<BenchmarkTask> tasks, EvalSettings settings, string model)
    {
        var plan = new List<SessionInput>();
        foreach (var task in tasks)
        {
            var sessionTask = new SessionTask(task.Id, task.Dataset, task.Prompt, task.PromptCode, task.EntryPoint, task.Cwe);
            foreach (var strategy in settings.Strategies)
            {
                for (var sample = 0; sample < settings.Samples; sample++)
                {
                    plan.Add(new SessionInput(
                        runId,
                        SessionIds.For(runId, task.Id, strategy, sample),
                        sessionTask,
                        strategy,
                        sample,
                        Seed: settings.Seed + sample,
                        model,
                        settings.Temperature,
                        settings.MaxTokens));
                }
            }
        }

        return plan;
    }
}
