using SecureGen.Core.Analysis;
using SecureGen.Core.Sessions;
using SecureGen.Core.Storage;

namespace SecureGen.IntegrationTests.Storage;

/// <summary>What every session store must do; run against SQLite and PostgreSQL alike.</summary>
public abstract class SessionStoreContract
{
    protected abstract Task<ISessionStore> CreateStoreAsync();

    private static SessionResult Result(string runId, string task, int sample, Verdict verdict = Verdict.Vulnerable) =>
        new(runId, SessionIds.For(runId, task, "baseline", sample), task, "builtin", 78, "baseline", sample, "m", true, "import os\n", verdict, "static",
            [new Finding("bandit", "B602", 78, Severity.High, Severity.High, 4, 4, "shell=True")], ["bandit B602"], false,
            CandidateScore.Unscored("none"), [], [new LlmCall("sample", "m", 12, 34, 56.5, true)], ["chosen"], null, DateTimeOffset.UnixEpoch, 7.5);

    [Fact]
    public async Task A_saved_session_reads_back_equal_in_every_field_that_matters()
    {
        var store = await CreateStoreAsync();
        var run = "run-" + Guid.NewGuid().ToString("N");
        var original = Result(run, "t1", 0);

        Assert.True(await store.SaveAsync(original, TestContext.Current.CancellationToken));
        var back = await store.FindAsync(original.SessionId, TestContext.Current.CancellationToken);

        Assert.NotNull(back);
        Assert.Equal(original.Verdict, back.Verdict);
        Assert.Equal(original.FinalCode, back.FinalCode);
        Assert.Equal(original.Findings, back.Findings);
        Assert.Equal(original.LlmCalls, back.LlmCalls);
        Assert.Equal(original.Trace, back.Trace);
    }

    [Fact]
    public async Task Saving_the_same_session_twice_keeps_the_first_result()
    {
        var store = await CreateStoreAsync();
        var run = "run-" + Guid.NewGuid().ToString("N");

        Assert.True(await store.SaveAsync(Result(run, "t1", 0, Verdict.Secure), TestContext.Current.CancellationToken));
        Assert.False(await store.SaveAsync(Result(run, "t1", 0, Verdict.Vulnerable), TestContext.Current.CancellationToken));

        var all = await store.ListRunAsync(run, TestContext.Current.CancellationToken);
        Assert.Equal(Verdict.Secure, Assert.Single(all).Verdict);
        Assert.Equal(1, await store.CountRunAsync(run, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Concurrent_saves_of_one_session_store_it_exactly_once()
    {
        var store = await CreateStoreAsync();
        var run = "run-" + Guid.NewGuid().ToString("N");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.SaveAsync(Result(run, "t1", 0), TestContext.Current.CancellationToken)));

        Assert.Single(outcomes, stored => stored);
        Assert.Equal(1, await store.CountRunAsync(run, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_run_lists_only_its_own_sessions_in_task_and_sample_order()
    {
        var store = await CreateStoreAsync();
        var run = "run-" + Guid.NewGuid().ToString("N");
        await store.SaveAsync(Result(run, "t2", 0), TestContext.Current.CancellationToken);
        await store.SaveAsync(Result(run, "t1", 1), TestContext.Current.CancellationToken);
        await store.SaveAsync(Result(run, "t1", 0), TestContext.Current.CancellationToken);
        await store.SaveAsync(Result("other-" + run, "t1", 0), TestContext.Current.CancellationToken);

        var listed = await store.ListRunAsync(run, TestContext.Current.CancellationToken);

        Assert.Equal([("t1", 0), ("t1", 1), ("t2", 0)], listed.Select(r => (r.TaskId, r.SampleIndex)));
    }

    [Fact]
    public async Task Faults_are_listed_per_run_and_cleared_when_the_session_later_completes()
    {
        var store = await CreateStoreAsync();
        var run = "run-" + Guid.NewGuid().ToString("N");
        var result = Result(run, "t1", 0);
        await store.RecordFaultAsync(new SessionFault(result.SessionId, run, "boom", DateTimeOffset.UnixEpoch), TestContext.Current.CancellationToken);
        await store.RecordFaultAsync(new SessionFault(result.SessionId, run, "boom again", DateTimeOffset.UnixEpoch), TestContext.Current.CancellationToken);

        Assert.Equal("boom again", Assert.Single(await store.ListFaultsAsync(run, TestContext.Current.CancellationToken)).Reason);
        await store.SaveAsync(result, TestContext.Current.CancellationToken);
        Assert.Empty(await store.ListFaultsAsync(run, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Initializing_twice_and_from_several_clients_at_once_is_harmless()
    {
        var store = await CreateStoreAsync();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.InitializeAsync(TestContext.Current.CancellationToken)));

        var run = "run-" + Guid.NewGuid().ToString("N");
        Assert.True(await store.SaveAsync(Result(run, "t1", 0), TestContext.Current.CancellationToken));
    }
}
