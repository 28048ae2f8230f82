using SecureGen.IntegrationTests.Support;

namespace SecureGen.IntegrationTests.Cli;

public sealed class ReportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sg-report-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Report_rebuilds_every_output_file_from_the_run_database_and_compare_shows_no_change_against_itself()
    {
        Tools.RequireBandit();
        var ct = TestContext.Current.CancellationToken;
        var output = Path.Combine(_dir, "run");
        var eval = await CliProcess.RunAsync("eval", "--tasks", "3", "--samples", "2", "--out", output);
        Assert.True(eval.ExitCode == 0, $"exit {eval.ExitCode}: {eval.Stderr}{eval.Stdout}");
        string[] files = ["results.jsonl", "metrics.json", "metrics.csv", "report.md", "report.html"];
        var before = files.ToDictionary(f => f, f => File.ReadAllText(Path.Combine(output, f)));
        foreach (var f in files)
        {
            File.Delete(Path.Combine(output, f));
        }

        var report = await CliProcess.RunAsync("report", output);

        Assert.True(report.ExitCode == 0, $"exit {report.ExitCode}: {report.Stderr}{report.Stdout}");
        foreach (var f in files)
        {
            Assert.Equal(before[f], await File.ReadAllTextAsync(Path.Combine(output, f), ct));
        }

        var compare = await CliProcess.RunAsync("compare", output, output);
        Assert.True(compare.ExitCode == 0, compare.Stderr);
        Assert.Contains("6 sessions matched by (task, strategy, sample); 0 only in A, 0 only in B.", compare.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 verdict changes", compare.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_on_a_folder_without_a_run_is_a_one_line_error()
    {
        var run = await CliProcess.RunAsync("report", _dir);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: '{_dir}' holds no run", run.Stderr.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_with_a_cwe_filter_runs_only_tasks_of_that_cwe()
    {
        Tools.RequireBandit();
        var output = Path.Combine(_dir, "cwe");

        var run = await CliProcess.RunAsync("eval", "--cwe", "78", "--samples", "1", "--out", output);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}{run.Stdout}");
        var lines = await File.ReadAllLinesAsync(Path.Combine(output, "results.jsonl"), TestContext.Current.CancellationToken);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Contains("\"cwe\":78,", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_task_id_is_a_one_line_error()
    {
        var run = await CliProcess.RunAsync("eval", "--task-id", "no_such_task", "--out", Path.Combine(_dir, "x"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: no task 'no_such_task' in dataset 'builtin'", run.Stderr.Trim());
    }
}
