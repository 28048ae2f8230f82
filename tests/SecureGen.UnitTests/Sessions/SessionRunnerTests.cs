using SecureGen.Core.Analysis;
using SecureGen.Core.Analysis.Sandbox;
using SecureGen.Core.Benchmarks;
using SecureGen.Core.Benchmarks.Judging;
using SecureGen.Core.Retrieval;
using SecureGen.Core.Sessions;
using SecureGen.Core.Strategies;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Sessions;

/// <summary>Core's session orchestration, with every cluster call answered in process.</summary>
public sealed class SessionRunnerTests
{
    private const string VulnerableReply = "```python\nimport subprocess\n\ndef ping_host(host):\n    return subprocess.run('ping -c 1 ' + host, shell=True)\n```";
    private const string SafeReply = "```python\nimport subprocess\n\ndef ping_host(host):\n    return subprocess.run(['ping', '-c', '1', host])\n```";
    private static readonly TaskTestSuite Suite = new(TestFramework.Pytest, "solution", new Dictionary<string, string>(), ["pytest", "test_functional.py"], ["pytest", "test_security.py"]);

    private readonly KeywordAnalyzer _analyzer = new();
    private readonly FakeClock _clock = new();

    private SessionRunner Runner() => new(StrategyCatalog.Default, new SecureExampleRetrieval(new InMemorySecureCodeBase()), _clock);

    [Fact]
    public async Task A_baseline_session_takes_its_verdict_from_the_analyzers_and_records_its_call()
    {
        var backend = new InProcessBackend(ScriptedChatModel.Always(VulnerableReply), _analyzer);

        var result = await Runner().RunAsync(Samples.Input(), backend, TestContext.Current.CancellationToken);

        Assert.Equal(Verdict.Vulnerable, result.Verdict);
        Assert.Equal("static", result.Judge);
        Assert.Equal(78, Assert.Single(result.Findings).Cwe);
        Assert.Equal((10, 20), (Assert.Single(result.LlmCalls).PromptTokens, result.LlmCalls[0].CompletionTokens));
        Assert.Null(result.InfrastructureFailure);
        Assert.Equal("choice", result.Events![^1].Kind);
    }

    [Fact]
    public async Task An_endpoint_that_finally_fails_ends_as_an_infrastructure_failure_with_the_failed_call()
    {
        var backend = new InProcessBackend(ScriptedChatModel.Failing("HTTP 503 after 3 retries"), _analyzer);

        var result = await Runner().RunAsync(Samples.Input(), backend, TestContext.Current.CancellationToken);

        Assert.Equal("HTTP 503 after 3 retries", result.InfrastructureFailure);
        Assert.Equal(Verdict.Unknown, result.Verdict);
        Assert.Equal("HTTP 503 after 3 retries", Assert.Single(result.LlmCalls).Error);
        Assert.Equal(0, _analyzer.Analyses);
    }

    [Fact]
    public async Task An_unknown_strategy_is_an_error_not_a_result()
    {
        var backend = new InProcessBackend(ScriptedChatModel.Always(SafeReply), _analyzer);

        await Assert.ThrowsAsync<UnknownStrategyException>(() => Runner().RunAsync(Samples.Input("no-such-strategy"), backend, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Where_the_task_has_tests_they_judge_the_final_code_and_the_static_verdict_is_kept()
    {
        var backend = new InProcessBackend(ScriptedChatModel.Always(VulnerableReply), _analyzer, new TestJudgement(TestRunOutcome.Passed, TestRunOutcome.Passed, "ok"));
        var input = Samples.Input() with { Task = Samples.Task with { Tests = Suite } };

        var result = await Runner().RunAsync(input, backend, TestContext.Current.CancellationToken);

        Assert.Equal(JudgeNames.Tests, result.Judge);
        Assert.Equal(Verdict.Secure, result.Verdict);
        Assert.Equal(Verdict.Vulnerable, result.StaticVerdict);
        Assert.True(result.FunctionalTestsPassed);
        Assert.Equal(result.FinalCode, Assert.Single(backend.Judged));
    }

    [Fact]
    public async Task Unparsable_final_code_is_not_sent_to_the_sandbox_and_stays_unknown()
    {
        var backend = new InProcessBackend(ScriptedChatModel.Always("```python\ndef (broken\n```"), _analyzer, new TestJudgement(TestRunOutcome.Passed, TestRunOutcome.Passed, "ok"));
        var input = Samples.Input() with { Task = Samples.Task with { Tests = Suite } };

        var result = await Runner().RunAsync(input, backend, TestContext.Current.CancellationToken);

        Assert.Empty(backend.Judged);
        Assert.True(result.Unparsable);
        Assert.Equal(Verdict.Unknown, result.Verdict);
    }

    /// <summary>Generation through core's CandidateGenerator, analysis by a keyword analyzer, no scorer, a fixed test judgement.</summary>
    private sealed class InProcessBackend(Core.Generation.IChatModel model, KeywordAnalyzer analyzer, TestJudgement? judgement = null) : ISessionBackend
    {
        private readonly CandidateGenerator _generator = new(model, analyzer);

        public List<string> Judged { get; } = [];

        public Task<GeneratedCandidates> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken) => _generator.GenerateAsync(request, cancellationToken);

        public Task<GeneratedCandidates> RefineAsync(GenerationRequest request, CancellationToken cancellationToken) => _generator.GenerateAsync(request, cancellationToken);

        public async Task<IReadOnlyList<AnalysisReport>> AnalyzeAsync(IReadOnlyList<CandidateCode> candidates, CancellationToken cancellationToken) =>
            await Task.WhenAll(candidates.Select(c => analyzer.AnalyzeAsync(c.Code, cancellationToken)));

        public Task<IReadOnlyList<CandidateScore>> ScoreAsync(IReadOnlyList<CandidateCode> candidates, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CandidateScore>>(candidates.Select(_ => CandidateScore.Unscored("no scorer in this test")).ToList());

        public Task<TestJudgement> JudgeAsync(TaskTestSuite suite, string code, CancellationToken cancellationToken)
        {
            Judged.Add(code);
            return Task.FromResult(judgement ?? throw new InvalidOperationException("this task has no tests"));
        }
    }
}
