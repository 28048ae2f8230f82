using SecureGen.Core.Analysis.Sandbox;

namespace SecureGen.Core.Benchmarks.Loaders;

/// <summary>
/// CWEval (Peng et al.): Python tasks <c>benchmark/core/py/cwe_XXX_N_task.py</c> (signature and
/// docstring, then the reference solution after <c># BEGIN SOLUTION</c>) with pytest oracles in
/// <c>cwe_XXX_N_test.py</c> whose cases are marked <c>functionality</c> or <c>security</c>.
/// The tests import the candidate as <c>cwe_XXX_N_task</c>.
/// </summary>
public sealed class CwevalLoader : IDatasetLoader
{
    public const string DatasetName = "cweval";
    private const string SolutionMarker = "# BEGIN SOLUTION";

    public string Name => DatasetName;

    public DatasetSource? Source { get; } = new(new Uri("https://github.com/Co1lin/CWEval/archive/refs/heads/main.zip"), true, "CWEval-main");

    public IReadOnlyList<BenchmarkTask> Load(string? path)
    {
        var folder = TaskFolder(LoaderPaths.Require(path, Name));
        var tasks = new List<BenchmarkTask>();
        foreach (var taskFile in Directory.GetFiles(folder, "cwe_*_task.py").Order(StringComparer.Ordinal))
        {
            tasks.Add(LoadTask(taskFile));
        }

        return tasks.Count > 0 ? tasks : throw new DatasetFormatException(folder, null, "no cwe_*_task.py files");
    }

    /// <summary>Accepts the repository root, its benchmark folder, or the py task folder itself.</summary>
    private static string TaskFolder(string path)
    {
        foreach (var candidate in new[] { path, Path.Combine(path, "core", "py"), Path.Combine(path, "benchmark", "core", "py") })
        {
            if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "cwe_*_task.py").Any())
            {
                return candidate;
            }
        }

        throw new DatasetFormatException(path, null, "no CWEval Python tasks here (expected benchmark/core/py/cwe_*_task.py)");
    }

    private static BenchmarkTask LoadTask(string taskFile)
    {
        var module = Path.GetFileNameWithoutExtension(taskFile);
        var id = module[..^"_task".Length];
        var lines = File.ReadAllLines(taskFile);
        var markerIndex = Array.FindIndex(lines, l => l.Trim() == SolutionMarker);
        if (markerIndex < 0)
        {
            throw new DatasetFormatException(taskFile, null, $"no '{SolutionMarker}' line separating the prompt from the reference");
        }

        var prompt = string.Join('\n', lines.Take(markerIndex)).TrimEnd() + "\n";
        var entryPoint = PromptFacts.EntryPoint(prompt)
            ?? throw new DatasetFormatException(taskFile, markerIndex + 1, "no function definition before the solution");
        var testFile = Path.Combine(Path.GetDirectoryName(taskFile)!, $"{id}_test.py");
        if (!File.Exists(testFile))
        {
            throw new DatasetFormatException(testFile, null, "missing test file for the task");
        }

        var testName = Path.GetFileName(testFile);
        var reference = string.Join('\n', lines.Where((_, i) => i != markerIndex)) + "\n";
        return new BenchmarkTask(
            id,
            DatasetName,
            prompt,
            PromptCode: prompt,
            entryPoint,
            PromptFacts.Cwe(id),
            SecureReference: reference,
            TestSuite: new TaskTestSuite(
                TestFramework.Pytest,
                module,
                new Dictionary<string, string>(StringComparer.Ordinal) { [testName] = File.ReadAllText(testFile) },
                ["python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "functionality", testName],
                ["python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "security", testName]));
    }
}
