using System.Globalization;

namespace SecureGen.Cli.Eval;

/// <summary>
/// The text beside the progress bar: sessions done, rate, ETA, how the finished sessions' time split
/// between waiting on the model and the pipeline's own work (so a user sees what bounds the run), tokens and cost.
/// </summary>
internal static class ProgressLine
{
    public static string Describe(RunProgress progress, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var doneHere = progress.Finished - progress.AlreadyDone;
        var rate = elapsed.TotalSeconds > 0.5 ? doneHere / elapsed.TotalSeconds : 0;
        var remaining = progress.Planned - progress.Finished;
        var eta = rate > 0 ? Format(TimeSpan.FromSeconds(remaining / rate)) : "--:--";
        var cost = progress.Cost is { } c ? c.ToString("$0.0000", CultureInfo.InvariantCulture) : "cost n/a";
        var split = progress.ModelWaitShare is { } model
            ? string.Create(CultureInfo.InvariantCulture, $"  model {model * 100:0}% / checks+queues {(1 - model) * 100:0}%")
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{progress.Finished}/{progress.Planned} sessions  {rate:0.0}/s  ETA {eta}{split}  {progress.Tokens:N0} tok  {cost}");
    }

    private static string Format(TimeSpan span) =>
        span.TotalHours >= 1 ? span.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : span.ToString(@"mm\:ss", CultureInfo.InvariantCulture);
}
