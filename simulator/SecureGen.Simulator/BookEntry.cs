using SecureGen.Core.Benchmarks;

namespace SecureGen.Simulator;

/// <summary>A known task with the lines that only its secure, or only its insecure, reference has: how the simulator recognises its own code in a prompt.</summary>
internal sealed record BookEntry(BenchmarkTask Task, IReadOnlyList<string> SecureOnlyLines, IReadOnlyList<string> InsecureOnlyLines)
{
    public static BookEntry For(BenchmarkTask task)
    {
        var secure = Lines(task.SecureReference);
        var insecure = Lines(task.InsecureReference);
        var prompt = Lines(task.PromptCode ?? task.Prompt);
        return new BookEntry(task, [.. secure.Except(insecure).Except(prompt)], [.. insecure.Except(secure).Except(prompt)]);
    }

    /// <summary>True when at least half of <paramref name="lines"/> occur in <paramref name="text"/>.</summary>
    public static bool MostlyIn(IReadOnlyList<string> lines, string text) =>
        lines.Count > 0 && lines.Count(l => text.Contains(l, StringComparison.Ordinal)) * 2 >= lines.Count;

    private static HashSet<string> Lines(string? code) =>
        (code ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length >= 8 && !l.StartsWith('#'))
            .ToHashSet(StringComparer.Ordinal);
}
