namespace SecureGen.Core.Benchmarks.Loaders;

/// <summary>
/// SecurityEval (Siddiq and Santos, MSR4P&amp;S 2022): dataset.jsonl with one code prompt per line:
/// <c>ID</c> ("CWE-020_author_1.py"), <c>Prompt</c> (code ending in a docstring), <c>Insecure_code</c>.
/// It has no tests: static analysis judges it.
/// </summary>
public sealed class SecurityEvalLoader : IDatasetLoader
{
    public const string DatasetName = "securityeval";

    public string Name => DatasetName;

    public DatasetSource? Source { get; } = new(new Uri("https://raw.githubusercontent.com/s2e-lab/SecurityEval/main/dataset.jsonl"), false, "dataset.jsonl");

    public IReadOnlyList<BenchmarkTask> Load(string? path)
    {
        var file = LoaderPaths.FileIn(LoaderPaths.Require(path, Name), "dataset.jsonl");
        var tasks = new List<BenchmarkTask>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in RecordReader.Read(file))
        {
            var id = LoaderPaths.TaskId(record.Required("ID"));
            if (!seen.Add(id))
            {
                throw new DatasetFormatException(record.File, record.Line, $"duplicate ID '{id}'");
            }

            var prompt = record.Required("Prompt");
            tasks.Add(new BenchmarkTask(
                id,
                DatasetName,
                prompt,
                PromptCode: prompt,
                PromptFacts.EntryPoint(prompt),
                PromptFacts.Cwe(id),
                InsecureReference: record.Optional("Insecure_code")));
        }

        return tasks.Count > 0 ? tasks : throw new DatasetFormatException(file, null, "no records");
    }
}
