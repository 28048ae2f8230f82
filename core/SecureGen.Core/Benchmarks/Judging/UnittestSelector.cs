namespace SecureGen.Core.Benchmarks.Judging;

/// <summary>
/// Which sandbox test ids (<c>file.py::Class::method</c>) a `python3 -m unittest [-k PATTERN]... [MODULE...]`
/// command would run: the named modules (all when none), filtered by unittest's -k substring patterns.
/// </summary>
internal static class UnittestSelector
{
    public static Func<string, bool> From(IReadOnlyList<string> command)
    {
        var start = command.ToList().IndexOf("unittest");
        var modules = new List<string>();
        var patterns = new List<string>();
        for (var i = start + 1; i < command.Count; i++)
        {
            if (command[i] == "-k" && i + 1 < command.Count)
            {
                patterns.Add(command[++i]);
            }
            else if (!command[i].StartsWith('-'))
            {
                modules.Add(command[i].EndsWith(".py", StringComparison.Ordinal) ? command[i][..^3] : command[i]);
            }
        }

        return id =>
        {
            var parts = id.Split("::");
            var module = parts[0].EndsWith(".py", StringComparison.Ordinal) ? parts[0][..^3] : parts[0];
            var dotted = string.Join('.', [module, .. parts.Skip(1)]);
            var inModule = modules.Count == 0 || modules.Any(m => dotted == m || dotted.StartsWith(m + ".", StringComparison.Ordinal));
            return inModule && (patterns.Count == 0 || patterns.Any(p => dotted.Contains(p, StringComparison.Ordinal)));
        };
    }
}
