using System.Text.Json;
using SecureGen.IntegrationTests.Support;

namespace SecureGen.IntegrationTests.Cli;

public sealed class StrategyCommandTests : IDisposable
{
    private static readonly string[] Picked = ["sg_cwe078_ping_host", "sg_cwe089_find_user", "sg_cwe502_pipeline_yaml"];

    private readonly string _dir = Directory.CreateTempSubdirectory("sg-strategies-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string TasksFolder => Path.Combine(AppContext.BaseDirectory, "benchmark", "tasks");

    /// <summary>A dataset of three built-in tasks whose insecure answers Bandit flags, so refinement has work to do.</summary>
    private string PickedTasks()
    {
        var root = Path.Combine(_dir, "tasks");
        foreach (var task in Picked)
        {
            var target = Directory.CreateDirectory(Path.Combine(root, task)).FullName;
            foreach (var file in Directory.GetFiles(Path.Combine(TasksFolder, task)))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }

        return root;
    }

    [Fact]
    public async Task Eval_with_all_runs_every_strategy_side_by_side_with_a_full_trace_for_each_session()
    {
        Tools.RequireBandit();
        var output = Path.Combine(_dir, "run");

        var run = await CliProcess.RunAsync("eval", "--dataset", "builtin", "--dataset-path", PickedTasks(), "--strategy", "all", "--samples", "1",
            "--param", "n=4", "--out", output);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}{run.Stdout}");
        var results = (await File.ReadAllLinesAsync(Path.Combine(output, "results.jsonl"), TestContext.Current.CancellationToken)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        using var metrics = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "metrics.json"), TestContext.Current.CancellationToken));
        var rows = metrics.RootElement.GetProperty("strategies").EnumerateArray().Select(r => r.GetProperty("strategy").GetString()).ToList();
        Assert.Equal(18, rows.Count);
        Assert.Contains("seccoder+securecoder", rows);
        Assert.Equal(18 * Picked.Length, results.Count);
        Assert.All(results, r =>
        {
            Assert.Equal(JsonValueKind.Null, r.GetProperty("infrastructure_failure").ValueKind);
            var events = r.GetProperty("events").EnumerateArray().ToList();
            Assert.Equal("choice", events[^1].GetProperty("kind").GetString());
            Assert.Contains(events, e => e.GetProperty("kind").GetString() == "prompt" && e.GetProperty("messages").GetArrayLength() > 0);
            Assert.False(string.IsNullOrEmpty(r.GetProperty("choice_reason").GetString()));
        });

        var securecoder = results.Where(r => r.GetProperty("strategy").GetString() == "securecoder").ToList();
        Assert.All(securecoder, r => Assert.Equal("4", r.GetProperty("parameters").GetProperty("securecoder.n").GetString()));
        // Every vulnerable sample got a refined child that names it as parent, and the pair was recorded.
        foreach (var r in securecoder)
        {
            var candidates = r.GetProperty("candidates").EnumerateArray().ToList();
            var vulnerableSamples = candidates.Where(c => c.GetProperty("origin").GetString() == "sample" && c.GetProperty("verdict").GetString() == "Vulnerable").Select(c => c.GetProperty("id").GetString()).ToList();
            var parents = candidates.Where(c => c.GetProperty("origin").GetString() == "refined").Select(c => c.GetProperty("parent_id").GetString()).ToList();
            Assert.Equal(vulnerableSamples, parents);
            Assert.Equal(vulnerableSamples.Count, r.TryGetProperty("refinement_pairs", out var pairs) ? pairs.GetArrayLength() : 0);
        }

        var classify = metrics.RootElement.GetProperty("classification").EnumerateArray().Single();
        Assert.Equal(2 * Picked.Length, classify.GetProperty("items").GetInt32());
        Assert.Contains("seccoder+securecoder", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_stored_prompts_traces_keep_only_hashes()
    {
        Tools.RequireBandit();
        var output = Path.Combine(_dir, "run");

        var run = await CliProcess.RunAsync("eval", "--dataset-path", PickedTasks(), "--strategy", "fdsp", "--no-store-prompts", "--out", output);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}{run.Stdout}");
        var text = await File.ReadAllTextAsync(Path.Combine(output, "results.jsonl"), TestContext.Current.CancellationToken);
        Assert.Contains("\"prompt_sha256\":", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"messages\":", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_prints_the_chosen_code_and_explains_the_choice_on_stderr()
    {
        Tools.RequireBandit();
        var json = Path.Combine(_dir, "result.json");

        var run = await CliProcess.RunAsync("generate", "--prompt-file", Path.Combine(TasksFolder, "sg_cwe078_ping_host", "prompt.py"), "--strategy", "securecoder",
            "--result-json", json);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}{run.Stdout}");
        Assert.Contains("def ping_host(", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("simulator", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("securecoder: ", run.Stderr, StringComparison.Ordinal);
        using var result = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        Assert.Equal(run.Stdout.TrimEnd(), result.RootElement.GetProperty("final_code").GetString()!.TrimEnd());
    }

    [Fact]
    public async Task Generate_with_sarif_writes_a_sarif_log_of_the_chosen_code()
    {
        var sarifPath = Path.Combine(_dir, "x.sarif");

        var run = await CliProcess.RunAsync("generate", "--prompt-file", Path.Combine(TasksFolder, "sg_cwe078_ping_host", "prompt.py"), "--sarif", sarifPath);

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var sarif = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(sarifPath, TestContext.Current.CancellationToken));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.NotEmpty(sarif.RootElement.GetProperty("runs").EnumerateArray());
        Assert.Contains("def ping_host", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("securecoder", "fdsp.k=2", "error: unknown parameter 'fdsp.k' for the chosen strategies")]
    [InlineData("fdsp", "k=two", "error: fdsp.k must be an integer (got 'two')")]
    [InlineData("franc+fdsp", "k=2", "error: cannot compose 'franc+fdsp': 'franc' is not a prompt strategy")]
    public async Task Bad_strategy_parameters_are_one_line_errors(string strategy, string parameter, string error)
    {
        var run = await CliProcess.RunAsync("eval", "--strategy", strategy, "--param", parameter, "--out", Path.Combine(_dir, "x"));

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Trim().Split('\n'));
        Assert.StartsWith(error, line, StringComparison.Ordinal);
    }
}
