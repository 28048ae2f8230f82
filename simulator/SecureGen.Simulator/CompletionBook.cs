using SecureGen.Core.Benchmarks;

namespace SecureGen.Simulator;

/// <summary>The simulator's labelled answers: each known task's secure and insecure reference.</summary>
internal sealed class CompletionBook
{
    private readonly List<BookEntry> _entries;

    public CompletionBook(IEnumerable<BenchmarkTask> tasks) =>
        _entries = tasks.Where(t => t.EntryPoint is not null && t.SecureReference is not null && t.InsecureReference is not null).Select(BookEntry.For).ToList();

    public int Count => _entries.Count;

    public IReadOnlyList<BookEntry> Entries => _entries;

    /// <summary>The task asked about: the one whose function definition appears last in the conversation (a one-shot example comes first).</summary>
    public BookEntry? Recognise(string conversation)
    {
        BookEntry? best = null;
        var bestAt = -1;
        foreach (var entry in _entries)
        {
            var at = conversation.LastIndexOf($"def {entry.Task.EntryPoint}(", StringComparison.Ordinal);
            if (at > bestAt)
            {
                best = entry;
                bestAt = at;
            }
        }

        return best;
    }
}
