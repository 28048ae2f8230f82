using SecureGen.Tests.Shared;
using System.Text.Json;
using SecureGen.IntegrationTests.Support;

namespace SecureGen.IntegrationTests.Scoring;

/// <summary>The `securegen scorer` commands as a user runs them.</summary>
public sealed class ScorerCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sg-scorer-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string RunWithPairs(string name, params (string Before, string After)[] pairs)
    {
        var run = Directory.CreateDirectory(Path.Combine(_dir, name)).FullName;
        var line = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["task_id"] = "sg_cwe078_ping_host",
            ["cwe"] = 78,
            ["refinement_pairs"] = pairs.Select(p => new { before = p.Before, after = p.After }).ToArray(),
        });
        File.WriteAllLines(Path.Combine(run, "results.jsonl"), [line, """{"task_id":"sg_cwe089_find_user","cwe":89}"""]);
        return run;
    }

    private static JsonElement Manifest(string version) => JsonDocument.Parse(File.ReadAllText(Path.Combine(version, "manifest.json"))).RootElement;

    [Fact]
    public async Task Bootstrap_writes_a_new_training_set_version_that_keeps_earlier_pairs()
    {
        var datasets = SharedDatasets.RequireAll("sven", "cyberseceval");
        var root = Path.Combine(_dir, "data");
        var first = RunWithPairs("run1", ("import os\nos.system('ping ' + h)\n", "import subprocess\nsubprocess.run(['ping', h])\n"));
        var second = RunWithPairs("run2", ("import os\nos.popen('ping ' + h)\n", "import subprocess\nsubprocess.run(['ping', h])\n"));

        var one = await CliProcess.RunAsync("scorer", "bootstrap", "--runs", first, "--data-root", root, "--tiny", "--datasets", datasets);
        Assert.True(one.ExitCode == 0, $"exit {one.ExitCode}: {one.Stderr}{one.Stdout}");
        var two = await CliProcess.RunAsync("scorer", "bootstrap", "--runs", second, "--data-root", root, "--tiny", "--datasets", datasets);
        Assert.True(two.ExitCode == 0, $"exit {two.ExitCode}: {two.Stderr}{two.Stdout}");

        Assert.Equal(1, Manifest(Path.Combine(root, "v1")).GetProperty("refinement_pairs").GetInt32());
        var v2 = Manifest(Path.Combine(root, "v2"));
        Assert.Equal(2, v2.GetProperty("refinement_pairs").GetInt32());
        Assert.Equal("v1", v2.GetProperty("previous_version").GetString());
        var refinement = File.ReadLines(Path.Combine(root, "v2", "test.jsonl")).Concat(File.ReadLines(Path.Combine(root, "v2", "train.jsonl"))).Concat(File.ReadLines(Path.Combine(root, "v2", "val.jsonl")))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(s => s.GetProperty("source").GetString() == "refinement")
            .ToList();
        Assert.Equal(4, refinement.Count);
        Assert.All(refinement, s => Assert.Equal("task:sg_cwe078_ping_host", s.GetProperty("group").GetString()));
        Assert.Contains("1 refinement pairs from 1 run(s); 1 carried over", two.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_gets_a_one_line_error_and_exit_code_2()
    {
        var noDatasets = await CliProcess.RunAsync("scorer", "export-data", "--out", Path.Combine(_dir, "x"), "--datasets", Path.Combine(_dir, "nowhere"));
        Assert.Equal(2, noDatasets.ExitCode);
        Assert.StartsWith("error: datasets folder not found", noDatasets.Stderr, StringComparison.Ordinal);

        var noRun = await CliProcess.RunAsync("scorer", "bootstrap", "--runs", Path.Combine(_dir, "missing-run"), "--data-root", Path.Combine(_dir, "d"));
        Assert.Equal(2, noRun.ExitCode);
        Assert.Contains("no results.jsonl in run folder", noRun.Stderr, StringComparison.Ordinal);

        var noFile = await CliProcess.RunAsync("scorer", "score", Path.Combine(_dir, "absent.py"));
        Assert.Equal(2, noFile.ExitCode);
        Assert.StartsWith("error: file not found", noFile.Stderr, StringComparison.Ordinal);

        var badVersion = await CliProcess.RunAsync("scorer", "use", "no-such-version", "--models", _dir);
        Assert.Equal(2, badVersion.ExitCode);
        Assert.Contains("has no model.onnx", badVersion.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_reports_the_mean_and_hottest_lines_with_the_committed_model()
    {
        var file = Path.Combine(_dir, "find_user.py");
        await File.WriteAllTextAsync(file, "def find_user(conn, name):\n    return conn.execute(\"SELECT * FROM users WHERE name = '%s'\" % name)\n", TestContext.Current.CancellationToken);

        var run = await CliProcess.RunAsync("scorer", "score", file);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}{run.Stdout}");
        Assert.Contains("vudenc-v1", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("find_user.py", run.Stdout, StringComparison.Ordinal);
    }
}
