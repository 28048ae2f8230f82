using SecureGen.Core.Analysis;

namespace SecureGen.UnitTests.Analysis;

public sealed class CompositeAnalyzerTests
{
    private static readonly Finding Eval = new("ext", "E1", 95, Severity.High, Severity.High, 2, 2, "eval");
    private static readonly Finding Shell = new("bandit", "B602", 78, Severity.High, Severity.High, 5, 5, "shell");

    private static CompositeAnalyzer Compose(FakeWorker worker, params IAnalysisTool[] tools) =>
        new(worker, worker, worker.Analyzers, tools, new VerdictPolicy());

    [Fact]
    public async Task Clean_runs_of_every_worker_analyzer_and_external_tool_are_secure()
    {
        var analyzer = Compose(new FakeWorker("bandit", "taint"), new FakeTool("ext"));

        var report = await analyzer.AnalyzeAsync("x = 1\n", TestContext.Current.CancellationToken);

        Assert.Equal(Verdict.Secure, report.Verdict);
        Assert.Equal(["bandit", "taint", "ext"], report.ToolRuns.Select(r => r.Tool));
        Assert.Equal(["bandit", "taint", "ext"], analyzer.RequiredTools);
    }

    [Fact]
    public async Task A_finding_from_an_external_tool_makes_the_candidate_vulnerable()
    {
        var report = await Compose(new FakeWorker("bandit"), new FakeTool("ext", Eval)).AnalyzeAsync("eval(x)\n", TestContext.Current.CancellationToken);

        Assert.Equal(Verdict.Vulnerable, report.Verdict);
        Assert.Equal(Eval, Assert.Single(report.Findings));
    }

    [Fact]
    public async Task A_failed_external_tool_makes_a_clean_candidate_unknown_never_secure()
    {
        var report = await Compose(new FakeWorker("bandit"), new FakeTool("ext") { Failure = "timed out" }).AnalyzeAsync("x = 1\n", TestContext.Current.CancellationToken);

        Assert.Equal(Verdict.Unknown, report.Verdict);
        Assert.Contains("ext failed: timed out", report.Reasons);
    }

    [Fact]
    public async Task A_tool_that_throws_only_fails_its_own_run()
    {
        var report = await Compose(new FakeWorker("bandit") { Findings = [Shell] }, new FakeTool("ext") { Throws = true }).AnalyzeAsync("x\n", TestContext.Current.CancellationToken);

        Assert.Equal(Verdict.Vulnerable, report.Verdict);
        Assert.Contains(report.ToolRuns, r => r.Tool == "ext" && !r.Succeeded && r.Error!.Contains("tool blew up", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_worker_that_died_fails_each_of_its_analyzers_with_the_reason()
    {
        var worker = new FakeWorker("bandit", "taint") { Dies = true };

        var report = await Compose(worker, new FakeTool("ext")).AnalyzeAsync("x = 1\n", TestContext.Current.CancellationToken);

        Assert.Equal(Verdict.Unknown, report.Verdict);
        Assert.Equal(["bandit failed: analysis worker failed: exited", "taint failed: analysis worker failed: exited"], report.Reasons);
    }

    [Fact]
    public async Task Code_that_does_not_parse_is_unknown_even_when_an_external_tool_found_nothing()
    {
        var report = await Compose(new FakeWorker("bandit") { SyntaxError = "line 1: invalid syntax" }, new FakeTool("ext")).AnalyzeAsync("def (:\n", TestContext.Current.CancellationToken);

        Assert.Equal(Verdict.Unknown, report.Verdict);
        Assert.Equal("line 1: invalid syntax", report.SyntaxError);
    }

    [Fact]
    public async Task With_external_tools_only_the_worker_still_checks_that_the_code_parses()
    {
        var worker = new FakeWorker() { SyntaxError = "line 1: invalid syntax" };

        var report = await Compose(worker, new FakeTool("ext")).AnalyzeAsync("def (:\n", TestContext.Current.CancellationToken);

        Assert.Equal(Verdict.Unknown, report.Verdict);
        Assert.Equal(0, worker.Analyses);
        Assert.Equal(1, worker.SyntaxChecks);
    }

    [Fact]
    public async Task External_tools_run_while_the_worker_is_still_busy()
    {
        var worker = new FakeWorker("bandit") { Gate = new TaskCompletionSource() };
        var tool = new FakeTool("ext");

        var analysis = Compose(worker, tool).AnalyzeAsync("x = 1\n", TestContext.Current.CancellationToken);
        await tool.Started.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.False(analysis.IsCompleted);
        worker.Gate.SetResult();

        Assert.Equal(Verdict.Secure, (await analysis).Verdict);
    }

    [Fact]
    public void The_same_name_twice_is_rejected()
    {
        var worker = new FakeWorker("bandit");

        var error = Assert.Throws<ArgumentException>(() => Compose(worker, new FakeTool("bandit")));

        Assert.Contains("'bandit' is used twice", error.Message, StringComparison.Ordinal);
    }

    private sealed class FakeWorker(params string[] analyzers) : ICodeAnalyzer, ISyntaxChecker
    {
        public string[] Analyzers { get; } = analyzers;

        public IReadOnlyList<Finding> Findings { get; init; } = [];

        public string? SyntaxError { get; init; }

        public bool Dies { get; init; }

        public TaskCompletionSource? Gate { get; init; }

        public int Analyses { get; private set; }

        public int SyntaxChecks { get; private set; }

        public async Task<AnalysisReport> AnalyzeAsync(string code, CancellationToken cancellationToken)
        {
            Analyses++;
            if (Gate is not null)
            {
                await Gate.Task.WaitAsync(cancellationToken);
            }

            if (Dies)
            {
                return AnalysisReport.Unknown("analysis worker failed: exited");
            }

            var runs = SyntaxError is null ? Analyzers.Select(a => new ToolRun(a, true, Findings.Where(f => f.Tool == a).ToList(), null)).ToList() : [];
            return new VerdictPolicy().Decide(Analyzers, runs, SyntaxError);
        }

        public Task<string?> FindSyntaxErrorAsync(string code, CancellationToken cancellationToken)
        {
            SyntaxChecks++;
            return Task.FromResult(SyntaxError);
        }
    }

    private sealed class FakeTool(string name, params Finding[] findings) : IAnalysisTool
    {
        public string Name { get; } = name;

        public string? Failure { get; init; }

        public bool Throws { get; init; }

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<ToolRun> RunAsync(string code, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            if (Throws)
            {
                throw new InvalidOperationException("tool blew up");
            }

            return Task.FromResult(Failure is null ? new ToolRun(Name, true, findings, null) : ToolRun.Failed(Name, Failure));
        }
    }
}
