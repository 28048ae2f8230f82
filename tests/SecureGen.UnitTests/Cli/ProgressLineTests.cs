using SecureGen.Cli.Eval;
using SecureGen.Core.Analysis;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Cli;

public sealed class ProgressLineTests
{
    [Fact]
    public void The_line_shows_the_rate_and_how_the_finished_sessions_time_split_between_model_and_checks()
    {
        var first = ResultBuilder.Make("t1", 0, Verdict.Secure, durationMs: 100);
        var second = ResultBuilder.Make("t2", 0, Verdict.Secure, durationMs: 100);
        var progress = new RunProgress([first.SessionId, second.SessionId, "s3", "s4"]);

        progress.MarkCompleted(first);
        progress.MarkCompleted(second);
        var line = ProgressLine.Describe(progress, TimeSpan.FromSeconds(4));

        // Each session waited 40 ms of its 100 ms on the model.
        Assert.Contains("2/4 sessions", line, StringComparison.Ordinal);
        Assert.Contains("0.5/s", line, StringComparison.Ordinal);
        Assert.Contains("model 40% / checks+queues 60%", line, StringComparison.Ordinal);
        Assert.Equal(300, progress.Tokens);
    }

    [Fact]
    public void Before_any_session_finished_there_is_no_split_and_a_redelivered_session_counts_once()
    {
        var result = ResultBuilder.Make("t1", 0, Verdict.Secure, durationMs: 50);
        var progress = new RunProgress([result.SessionId, "other"]);

        Assert.DoesNotContain("model", ProgressLine.Describe(progress, TimeSpan.FromSeconds(1)), StringComparison.Ordinal);
        progress.MarkCompleted(result);
        progress.MarkCompleted(result with { DurationMs = 1000 });

        Assert.Equal(0.8, progress.ModelWaitShare!.Value, 3);
        Assert.Equal(1, progress.Finished);
    }

    [Fact]
    public void Cached_replies_are_not_time_spent_waiting_on_the_model()
    {
        var result = ResultBuilder.Make("t1", 0, Verdict.Secure, durationMs: 100);
        var cached = result with { LlmCalls = [.. result.LlmCalls.Select(c => c with { Cached = true })] };
        var progress = new RunProgress([cached.SessionId]);

        progress.MarkCompleted(cached);

        Assert.Equal(0, progress.ModelWaitShare!.Value, 3);
    }
}
