using System.Text.Json;
using SecureGen.Core.Analysis.Sandbox;

namespace SecureGen.Core.Benchmarks;

/// <summary>Loads SecureGen's own benchmark: one folder per task under benchmark/tasks (see benchmark/README.md).</summary>
public sealed class BuiltinDatasetLoader : IDatasetLoader
{
    public const string DatasetName = "builtin";

    public string Name => DatasetName;

    /// <summary>Ships with SecureGen: nothing to download.</summary>
    public DatasetSource? Source => null;

    public IReadOnlyList<BenchmarkTask> Load(string? path)
    {
        var root = path ?? LocateTasksFolder();
        if (!Directory.Exists(root))
        {
            throw new DatasetFormatException(root, null, "built-in benchmark folder does not exist");
        }

        var tasks = new List<BenchmarkTask>();
        foreach (var dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            tasks.Add(LoadTask(dir));
        }

        if (tasks.Count == 0)
        {
            throw new DatasetFormatException(root, null, "no tasks found");
        }

        return tasks;
    }

    public static string LocateTasksFolder()
    {
        var relative = Path.Combine("benchmark", "tasks");
        return AppFiles.Find(relative, isDirectory: true) ?? AppFiles.Beside(relative);
    }

    private static BenchmarkTask LoadTask(string dir)
    {
        var metaPath = Path.Combine(dir, "task.json");
        if (!File.Exists(metaPath))
        {
            throw new DatasetFormatException(metaPath, null, "missing task.json");
        }

        TaskMetadata meta;
        try
        {
            meta = JsonSerializer.Deserialize<TaskMetadata>(File.ReadAllText(metaPath), JsonOptions)
                ?? throw new DatasetFormatException(metaPath, 1, "task.json is empty");
        }
        catch (JsonException e)
        {
            throw new DatasetFormatException(metaPath, (int?)(e.LineNumber + 1), $"invalid JSON: {e.Message}");
        }

        if (string.IsNullOrWhiteSpace(meta.Id) || string.IsNullOrWhiteSpace(meta.EntryPoint))
        {
            throw new DatasetFormatException(metaPath, null, "task.json needs 'id' and 'entry_point'");
        }

        var prompt = Read(dir, "prompt.py", required: true)!;
        var functional = Read(dir, "test_functional.py");
        var security = Read(dir, "test_security.py");
        return new BenchmarkTask(
            meta.Id,
            DatasetName,
            prompt,
            PromptCode: prompt,
            meta.EntryPoint,
            meta.Cwe,
            meta.Title,
            Read(dir, "secure.py"),
            Read(dir, "insecure.py"),
            functional,
            security,
            TestSuiteOf(functional, security));
    }

    /// <summary>The runner writes the candidate as solution.py beside the two test modules (benchmark/README.md).</summary>
    private static TaskTestSuite? TestSuiteOf(string? functional, string? security) =>
        functional is null || security is null
            ? null
            : new TaskTestSuite(
                TestFramework.Unittest,
                "solution",
                new Dictionary<string, string> { ["test_functional.py"] = functional, ["test_security.py"] = security },
                ["python3", "-m", "unittest", "-q", "test_functional"],
                ["python3", "-m", "unittest", "-q", "test_security"]);

    private static string? Read(string dir, string file, bool required = false)
    {
        var path = Path.Combine(dir, file);
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        return required ? throw new DatasetFormatException(path, null, $"missing {file}") : null;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record TaskMetadata(string Id, int? Cwe, string EntryPoint, string? Title, string? Description);
}
