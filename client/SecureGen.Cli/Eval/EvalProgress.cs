using System.Diagnostics;
using Spectre.Console;

namespace SecureGen.Cli.Eval;

/// <summary>The progress bar of a run, until every planned session has ended; on Ctrl+C it says how to resume.</summary>
internal static class EvalProgress
{
    public static async Task ShowAsync(RunProgress progress, IAnsiConsole console, CancellationToken cancellationToken)
    {
        try
        {
            await console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    var bar = ctx.AddTask(ProgressLine.Describe(progress, TimeSpan.Zero), maxValue: progress.Planned);
                    var started = Stopwatch.StartNew();
                    while (!progress.Completion.IsCompleted)
                    {
                        await Task.WhenAny(progress.Completion, Task.Delay(200, cancellationToken));
                        cancellationToken.ThrowIfCancellationRequested();
                        bar.Value = progress.Finished;
                        bar.Description = ProgressLine.Describe(progress, started.Elapsed);
                    }

                    bar.Value = progress.Planned;
                    bar.Description = ProgressLine.Describe(progress, started.Elapsed);
                });
        }
        catch (OperationCanceledException)
        {
            console.MarkupLineInterpolated($"[yellow]stopped:[/] {progress.Finished} of {progress.Planned} sessions are stored; continue with the same command and --resume");
            throw;
        }
    }
}
