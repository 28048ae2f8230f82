using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using SecureGen.Core.Analysis;
using SecureGen.Core.Generation;
using SecureGen.Grains.Interfaces;
using static SecureGen.IntegrationTests.Grains.GrainTestInputs;

namespace SecureGen.IntegrationTests.Grains;

/// <summary>Cancelling a run on the TestingHost: nothing more starts, sessions in flight finish and are kept.</summary>
public sealed class RunCancelTests
{
    [Fact]
    public async Task A_cancelled_run_starts_nothing_more_and_keeps_the_sessions_that_were_in_flight()
    {
        var model = new GatedChatModel(SafeReply);
        var analyzer = new KeywordAnalyzer();
        await using var cluster = await GrainCluster.StartAsync(["all"], (_, services) => services
            .AddSingleton<IChatModel>(model)
            .AddSingleton<ICodeAnalyzer>(analyzer)
            .AddSingleton<ISyntaxChecker>(analyzer));
        var runId = NewRunId();
        var run = cluster.Client.GetGrain<IRunGrain>(runId);
        await run.SubmitAsync(new RunSubmission(Inputs(runId, 10), MaxInFlight: 2));
        await model.WaitForRequestsAsync(2);

        var cancelling = await run.CancelAsync();
        model.Open();
        var status = await WaitUntilEndedAsync(run);

        Assert.True(cancelling.Cancelled);
        Assert.Equal(2, cancelling.InFlight);
        Assert.True(status.Cancelled);
        Assert.True(status.IsEnded);
        Assert.False(status.IsFinished);
        Assert.Equal((10, 2, 0, 0), (status.Planned, status.Completed, status.Faulted, status.InFlight));
        var stored = await cluster.Store.ListRunAsync(runId, TestContext.Current.CancellationToken);
        Assert.Equal(2, stored.Count);
        Assert.All(stored, r => Assert.Equal(Verdict.Secure, r.Verdict));
        Assert.Equal(2, model.Requests.Count);
    }

    [Fact]
    public async Task Cancelling_a_finished_run_changes_nothing()
    {
        var analyzer = new KeywordAnalyzer();
        await using var cluster = await GrainCluster.StartAsync(["all"], (_, services) => services
            .AddSingleton<IChatModel>(ScriptedChatModel.Always(SafeReply))
            .AddSingleton<ICodeAnalyzer>(analyzer)
            .AddSingleton<ISyntaxChecker>(analyzer));
        var runId = NewRunId();
        await cluster.RunAsync(runId, Inputs(runId, 2));

        var status = await cluster.Client.GetGrain<IRunGrain>(runId).CancelAsync();

        Assert.False(status.Cancelled);
        Assert.True(status.IsFinished);
        Assert.Equal(2, (await cluster.Store.ListRunAsync(runId, TestContext.Current.CancellationToken)).Count);
    }

    private static async Task<RunStatus> WaitUntilEndedAsync(IRunGrain run)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        RunStatus status;
        while (!(status = await run.GetStatusAsync()).IsEnded && !timeout.IsCancellationRequested)
        {
            await Task.Delay(50, CancellationToken.None);
        }

        return status;
    }

    /// <summary>Holds every call until opened, so a test knows exactly which sessions are in flight.</summary>
    private sealed class GatedChatModel(string content) : IChatModel
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<ChatRequest> Requests { get; } = new();

        public void Open() => _open.TrySetResult();

        public async Task WaitForRequestsAsync(int count)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (Requests.Count < count)
            {
                await Task.Delay(20, timeout.Token);
            }
        }

        public async Task<ChatReply> CompleteAsync(ChatRequest request, CancellationToken cancellationToken)
        {
            Requests.Enqueue(request);
            await _open.Task.WaitAsync(cancellationToken);
            return new ChatReply(content, "scripted-model", 10, 20, 5, true);
        }
    }
}
