using System.Collections.Concurrent;
using System.Diagnostics;

namespace SecureGen.Core.Analysis.Sandbox;

/// <summary>
/// Starts sandbox processes from one long-lived thread. bwrap's --die-with-parent uses
/// PR_SET_PDEATHSIG, which fires when the <em>thread</em> that forked bwrap exits; a thread-pool
/// thread retiring mid-run would kill a healthy sandbox. This thread lives as long as the app.
/// </summary>
internal static class SandboxProcessLauncher
{
    private static readonly BlockingCollection<(ProcessStartInfo Info, TaskCompletionSource<Process> Started)> Requests = [];
    private static readonly Lazy<Thread> Launcher = new(() =>
    {
        var thread = new Thread(Serve) { IsBackground = true, Name = "sandbox-launcher" };
        thread.Start();
        return thread;
    });

    public static Task<Process> StartAsync(ProcessStartInfo info)
    {
        _ = Launcher.Value;
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((info, started));
        return started.Task;
    }

    private static void Serve()
    {
        foreach (var (info, started) in Requests.GetConsumingEnumerable())
        {
            try
            {
                var process = Process.Start(info);
                if (process is null)
                {
                    started.SetException(new InvalidOperationException($"could not start {info.FileName}"));
                }
                else
                {
                    started.SetResult(process);
                }
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                started.SetException(e);
            }
            catch (InvalidOperationException e)
            {
                started.SetException(e);
            }
        }
    }
}
