namespace SecureGen.Core.Benchmarks.Loaders;

/// <summary>
/// PythonSecurityEval (Alrashedy et al., the FDSP paper): 470 natural-language prompts from Stack
/// Overflow, published as folders <c>&lt;id&gt;/text.txt</c>; a JSONL form with <c>id</c>/<c>prompt</c>
/// is accepted too. No CWE labels and no security tests: static analysis judges it.
/// </summary>
public sealed class PythonSecurityEvalLoader : IDatasetLoader
{
    public const string DatasetName = "pythonsecurityeval";

    public string Name => DatasetName;

    public DatasetSource? Source { get; } = new(
        new Uri("https://github.com/Kamel773/LLM-code-refine/archive/refs/heads/main.zip"), true, "LLM-code-refine-main/data/PythonSecurityEval");

    public IReadOnlyList<BenchmarkTask> Load(string? path)
    {
        var root = LoaderPaths.Require(path, Name);
        var tasks = File.Exists(root) ? FromJsonLines(root) : FromFolders(root);
        return tasks.Count > 0 ? tasks : throw new DatasetFormatException(root, null, "no prompts found (expected <id>/text.txt folders or a .jsonl file)");
    }

    private static List<BenchmarkTask> FromFolders(string root)
    {
        var tasks = new List<BenchmarkTask>();
        var folders = Directory.GetDirectories(root)
            .Where(d => File.Exists(Path.Combine(d, "text.txt")))
            .OrderBy(d => int.TryParse(Path.GetFileName(d), out var n) ? n : int.MaxValue)
            .ThenBy(d => d, StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var file = Path.Combine(folder, "text.txt");
            var prompt = File.ReadAllText(file).Trim();
            if (prompt.Length == 0)
            {
                throw new DatasetFormatException(file, 1, "empty prompt");
            }

            tasks.Add(Task(Path.GetFileName(folder), prompt));
        }

        return tasks;
    }

    private static List<BenchmarkTask> FromJsonLines(string file)
    {
        var tasks = new List<BenchmarkTask>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in RecordReader.Read(file))
        {
            var id = record.Required("id", "ID");
            if (!seen.Add(id))
            {
                throw new DatasetFormatException(record.File, record.Line, $"duplicate id '{id}'");
            }

            tasks.Add(Task(id, record.Required("prompt", "Prompt").Trim()));
        }

        return tasks;
    }

    private static BenchmarkTask Task(string id, string prompt) =>
        new($"pse_{id}", DatasetName, prompt, PromptCode: null, EntryPoint: null, Cwe: null);
}
