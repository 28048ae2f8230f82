using SecureGen.Core.Scoring.Training;

namespace SecureGen.UnitTests.Scoring;

public sealed class RunResultsReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sg-runs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Refinement_pairs_are_read_from_results_and_inherit_the_task_and_cwe_of_their_line()
    {
        File.WriteAllLines(Path.Combine(_dir, RunResultsReader.ResultsFile),
        [
            """{"task_id":"sg_cwe078_ping_host","cwe":78,"refinement_pairs":[{"before":"os.system(c)","after":"subprocess.run([c])"}]}""",
            """{"task_id":"sg_cwe089_find_user","cwe":89}""",
            """{"task_id":"t3","cwe":22,"refinement_pairs":[{"before":"open(p)","after":"open(safe(p))","cwe":23,"task_id":"other"}]}""",
            "",
        ]);

        var pairs = RunResultsReader.ReadPairs([_dir]);

        Assert.Equal(
            [new RefinementPair("os.system(c)", "subprocess.run([c])", 78, "sg_cwe078_ping_host"), new RefinementPair("open(p)", "open(safe(p))", 23, "other")],
            pairs);
    }

    [Fact]
    public void A_run_folder_without_results_is_a_clear_error()
    {
        var error = Assert.Throws<FileNotFoundException>(() => RunResultsReader.ReadPairs([Path.Combine(_dir, "missing")]));
        Assert.Contains("no results.jsonl in run folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pairs_made_on_a_benchmark_task_share_its_group_and_duplicates_are_kept_once()
    {
        var pair = new RefinementPair("a = input()\neval(a)\n", "a = input()\nint(a)\n", 95, "sg_cwe095_calculator");

        var batch = RunResultsReader.ToTrainingItems([pair, pair]);

        Assert.Equal(2, batch.Items.Count);
        Assert.All(batch.Items, i => Assert.Equal("task:sg_cwe095_calculator", i.Group));
        Assert.Equal([2], batch.Items.Single(i => i.Role == LabeledCode.Vulnerable).VulnerableLines);
        Assert.Empty(batch.Items.Single(i => i.Role == LabeledCode.Fixed).VulnerableLines);
    }
}
