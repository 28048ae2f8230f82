using SecureGen.Core.Analysis.Sandbox;

namespace SecureGen.Core.Benchmarks.Loaders;

/// <summary>
/// SALLM (Siddiq et al.): <c>PythonDataset/dataset.jsonl</c> (id, technique, source, prompt,
/// insecure_code) with, for most prompts, a unittest module
/// <c>PythonDataset/&lt;technique&gt;/&lt;source&gt;/test_&lt;module&gt;.py</c> holding
/// <c>test_correctness</c> and <c>test_vulnerability</c>. The tests import the candidate as
/// <c>&lt;module&gt;</c>: the id without its "technique_source_" prefix and ".py".
/// </summary>
public sealed class SallmLoader : IDatasetLoader
{
    public const string DatasetName = "sallm";

    public string Name => DatasetName;

    public DatasetSource? Source { get; } = new(new Uri("https://github.com/s2e-lab/SALLM/archive/refs/heads/main.zip"), true, "SALLM-main");

    public IReadOnlyList<BenchmarkTask> Load(string? path)
    {
        var root = LoaderPaths.Require(path, Name);
        var file = File.Exists(root) ? root : LoaderPaths.FileIn(root, Path.Combine("PythonDataset", "dataset.jsonl"), "dataset.jsonl");
        var datasetFolder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var tasks = new List<BenchmarkTask>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in RecordReader.Read(file))
        {
            var rawId = record.Required("id");
            var technique = record.Required("technique");
            var source = record.Required("source");
            var prefix = $"{technique}_{source}_";
            if (!rawId.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw new DatasetFormatException(record.File, record.Line, $"id '{rawId}' does not start with '{prefix}' (technique_source_)");
            }

            var id = LoaderPaths.TaskId(rawId);
            if (!seen.Add(id))
            {
                throw new DatasetFormatException(record.File, record.Line, $"duplicate id '{rawId}'");
            }

            var module = id[prefix.Length..];
            var prompt = record.Required("prompt");
            var testFile = Path.Combine(datasetFolder, technique, source, $"test_{module}.py");
            tasks.Add(new BenchmarkTask(
                id,
                DatasetName,
                prompt,
                PromptCode: prompt,
                PromptFacts.EntryPoint(prompt),
                PromptFacts.Cwe(module),
                InsecureReference: record.Optional("insecure_code"),
                TestSuite: File.Exists(testFile) ? TestSuiteOf(module, testFile) : null,
                Metadata: new Dictionary<string, string>(StringComparer.Ordinal) { ["technique"] = technique, ["source"] = source }));
        }

        return tasks.Count > 0 ? tasks : throw new DatasetFormatException(file, null, "no records");
    }

    private static TaskTestSuite TestSuiteOf(string module, string testFile)
    {
        var testModule = Path.GetFileNameWithoutExtension(testFile);
        return new TaskTestSuite(
            TestFramework.Unittest,
            module,
            new Dictionary<string, string>(StringComparer.Ordinal) { [Path.GetFileName(testFile)] = File.ReadAllText(testFile) },
            ["python3", "-m", "unittest", "-q", "-k", "test_correctness", testModule],
            ["python3", "-m", "unittest", "-q", "-k", "test_vulnerability", testModule]);
    }
}
