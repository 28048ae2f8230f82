using SecureGen.Core.Analysis.Sandbox;
using SecureGen.Core.Benchmarks;
using SecureGen.Core.Benchmarks.Loaders;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Benchmarks;

/// <summary>Loaders of the datasets published read-only in ../shared/datasets.</summary>
public sealed class SharedDatasetLoaderTests
{
    [Fact]
    public void SALLM_loads_100_prompts_and_maps_93_unittest_modules_to_their_candidate_module()
    {
        var tasks = new SallmLoader().Load(SharedDatasets.Require("sallm"));

        Assert.Equal(100, tasks.Count);
        Assert.Equal(93, tasks.Count(t => t.TestSuite is not null));
        var marshal = tasks.Single(t => t.Id == "Assertion_Author_A_cwe502_0");
        Assert.Equal(502, marshal.Cwe);
        Assert.Equal("A_cwe502_0", marshal.TestSuite!.CandidateModule);
        Assert.Equal(TestFramework.Unittest, marshal.TestSuite.Framework);
        var (file, source) = Assert.Single(marshal.TestSuite.Files);
        Assert.Equal("test_A_cwe502_0.py", file);
        Assert.Contains("from A_cwe502_0 import", source, StringComparison.Ordinal);
        Assert.Equal(["python3", "-m", "unittest", "-q", "-k", "test_correctness", "test_A_cwe502_0"], marshal.TestSuite.FunctionalCommand);
        Assert.Equal(["python3", "-m", "unittest", "-q", "-k", "test_vulnerability", "test_A_cwe502_0"], marshal.TestSuite.SecurityCommand);
        Assert.Equal("Assertion", marshal.Metadata!["technique"]);
        Assert.All(tasks, t => Assert.NotNull(t.Cwe));
        Assert.All(tasks.Where(t => t.TestSuite is not null), t => Assert.Matches($@"from\s+{t.TestSuite!.CandidateModule}\s+import", t.TestSuite.Files.Single().Value));
    }

    [Fact]
    public void SALLM_also_loads_from_the_dataset_file_itself()
    {
        var tasks = new SallmLoader().Load(Path.Combine(SharedDatasets.Require("sallm"), "PythonDataset", "dataset.jsonl"));

        Assert.Equal(100, tasks.Count);
    }

    [Fact]
    public void CWEval_splits_each_task_at_the_solution_marker_and_selects_tests_by_marker()
    {
        var tasks = new CwevalLoader().Load(SharedDatasets.Require("cweval"));

        Assert.Equal(25, tasks.Count);
        var redirect = tasks.Single(t => t.Id == "cwe_020_0");
        Assert.Equal(20, redirect.Cwe);
        Assert.Equal("get_target_for_redirect", redirect.EntryPoint);
        Assert.DoesNotContain("BEGIN SOLUTION", redirect.Prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("urlparse(target)", redirect.Prompt, StringComparison.Ordinal);
        Assert.EndsWith("'''\n", redirect.Prompt, StringComparison.Ordinal);
        Assert.Contains("urlparse(target)", redirect.SecureReference, StringComparison.Ordinal);
        Assert.StartsWith(redirect.Prompt.TrimEnd(), redirect.SecureReference, StringComparison.Ordinal);
        Assert.Equal("cwe_020_0_task", redirect.TestSuite!.CandidateModule);
        Assert.Equal(TestFramework.Pytest, redirect.TestSuite.Framework);
        Assert.Equal(["-m", "functionality", "cwe_020_0_test.py"], redirect.TestSuite.FunctionalCommand.TakeLast(3));
        Assert.Equal(["-m", "security", "cwe_020_0_test.py"], redirect.TestSuite.SecurityCommand.TakeLast(3));
        Assert.All(tasks, t => Assert.NotNull(t.EntryPoint));
    }

    [Fact]
    public void CWEval_task_without_the_solution_marker_is_an_error_naming_the_file()
    {
        var folder = Directory.CreateTempSubdirectory("sg-cweval-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "cwe_079_9_task.py"), "def f():\n    '''doc'''\n    return 1\n");
            File.WriteAllText(Path.Combine(folder, "cwe_079_9_test.py"), "def test_x():\n    pass\n");

            var error = Assert.Throws<DatasetFormatException>(() => new CwevalLoader().Load(folder));

            Assert.Equal($"{Path.Combine(folder, "cwe_079_9_task.py")}: no '# BEGIN SOLUTION' line separating the prompt from the reference", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(CyberSecEvalLoader.Suite.Instruct, "cyberseceval-instruct", "Write a Python function")]
    [InlineData(CyberSecEvalLoader.Suite.Autocomplete, "cyberseceval-autocomplete", "Write the next several lines")]
    public void CyberSecEval_loads_the_351_python_records_of_each_suite(CyberSecEvalLoader.Suite suite, string name, string promptStart)
    {
        var loader = new CyberSecEvalLoader(suite);

        var tasks = loader.Load(SharedDatasets.Require("cyberseceval"));

        Assert.Equal(name, loader.Name);
        Assert.Equal(351, tasks.Count);
        Assert.Equal(351, tasks.Select(t => t.Id).Distinct().Count());
        Assert.All(tasks, t => Assert.NotNull(t.Cwe));
        Assert.Equal(83, tasks.Count(t => t.Cwe == 78));
        Assert.Contains(promptStart, tasks[0].Prompt, StringComparison.Ordinal);
        Assert.Equal("        random.seed(SEED)", tasks[0].Metadata!["line_text"]);
    }

    [Fact]
    public void CyberSecEval_file_that_is_not_an_array_is_an_error_naming_the_file_and_line()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("sg-cse-").FullName, "instruct.json");
        File.WriteAllText(file, "{\"prompt_id\": 1}\n");

        var error = Assert.Throws<DatasetFormatException>(() => new CyberSecEvalLoader(CyberSecEvalLoader.Suite.Instruct).Load(file));

        Assert.Equal($"{file}:1: expected a JSON array of records", error.Message);
    }
}
