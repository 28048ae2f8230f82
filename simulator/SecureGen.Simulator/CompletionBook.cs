using SecureGen.Core.Benchmarks;

namespace SecureGen.Simulator;

/// <summary>The simulator's labelled answers: each known task's secure and insecure reference.</summary>
internal sealed class CompletionBook
{
    private readonly List<BenchmarkTask> _tasks;

    public CompletionBook(IEnumerable<BenchmarkTask> tasks) =>
        _tasks = tasks.Where(t => t.EntryPoint is not null && t.SecureReference is not null && t.InsecureReference is not null).ToList();

    public int Count => _tasks.Count;

    /// <summary>The task asked about: the one whose function definition appears last in the conversation (a one-shot example comes first).</summary>
    public BenchmarkTask? Recognise(string conversation)
    {
        BenchmarkTask? best = null;
        var bestAt = -1;
        foreach (var task in _tasks)
        {
            var at = conversation.LastIndexOf($"def {task.EntryPoint}(", StringComparison.Ordinal);
            if (at > bestAt)
            {
                best = task;
                bestAt = at;
            }
        }

        return best;
    }
}
