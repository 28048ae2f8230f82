using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using SecureGen.Core.Analysis.Sandbox;

namespace SecureGen.IntegrationTests.Sandbox;

/// <summary>
/// Hostile candidates against the real sandbox. Each probe asserts inside the sandbox that the
/// attack fails, so a probe passes only when the sandbox blocked it; the host checks what it can
/// see from outside as well.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed partial class SandboxIsolationTests
{
    private const string NoCandidate = "VALUE = 1\n";

    [Fact]
    public async Task A_connection_to_a_server_listening_on_the_host_loopback_fails_inside()
    {
        Sandboxes.Require();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var result = await Sandboxes.RunAsync(NoCandidate, $$"""
            import socket, unittest
            import solution

            class Probe(unittest.TestCase):
                def test_host_loopback(self):
                    with self.assertRaises(OSError):
                        socket.create_connection(("127.0.0.1", {{port}}), timeout=3)

                def test_outside_world(self):
                    with self.assertRaises(OSError):
                        socket.create_connection(("1.1.1.1", 53), timeout=3)
            """);

        Assert.True(result.AllPassed, Sandboxes.Describe(result));
        Assert.Equal(2, result.Count(TestOutcome.Passed));
        Assert.False(listener.Pending(), "the host listener saw a connection from the sandbox");
    }

    [Fact]
    public async Task Writes_outside_the_working_folder_fail_and_the_host_tmp_is_untouched()
    {
        Sandboxes.Require();
        var marker = $"/tmp/sg-sandbox-marker-{Guid.NewGuid():N}";

        var result = await Sandboxes.RunAsync(NoCandidate, $$"""
            import os, unittest
            import solution

            class Probe(unittest.TestCase):
                def test_system_folders_are_read_only(self):
                    for path in ("/usr/sg_probe", "/usr/lib/sg_probe", "/etc/sg_probe", "/sg_probe", "/dev/sg_probe", "/proc/sg_probe"):
                        with self.assertRaises(OSError, msg=path):
                            open(path, "w").write("x")

                def test_the_sandbox_tmp_is_private(self):
                    with open("{{marker}}", "w") as f:
                        f.write("written inside")
                    self.assertTrue(os.path.exists("{{marker}}"))

                def test_the_working_folder_is_writable(self):
                    with open("scratch.txt", "w") as f:
                        f.write("ok")
                    self.assertEqual(open("scratch.txt").read(), "ok")

                def test_the_candidate_file_is_read_only(self):
                    with self.assertRaises(OSError):
                        open("solution.py", "w").write("x")
            """);

        Assert.True(result.AllPassed, Sandboxes.Describe(result));
        Assert.False(File.Exists(marker), "the sandbox wrote into the host's /tmp");
        Assert.False(File.Exists("/usr/sg_probe"));
    }

    [Fact]
    public async Task Secrets_of_the_host_cannot_be_read()
    {
        Sandboxes.Require();

        var result = await Sandboxes.RunAsync(NoCandidate, """
            import os, unittest
            import solution

            class Probe(unittest.TestCase):
                def test_shadow(self):
                    with self.assertRaises(OSError):
                        open("/etc/shadow").read()

                def test_root_home_and_host_files(self):
                    for path in ("/root", "/home", "/var", "/work/../root", "/proc/1/root/etc/shadow"):
                        self.assertFalse(os.path.exists(path) and os.listdir(path), path)

                def test_no_capabilities_and_not_root(self):
                    import pwd
                    self.assertNotEqual(os.getuid(), 0)
                    self.assertEqual(pwd.getpwuid(os.getuid()).pw_name, "sandbox")
                    status = open("/proc/self/status").read()
                    self.assertIn("CapEff:\t0000000000000000", status)
                    self.assertIn("NoNewPrivs:\t1", status)
            """);

        Assert.True(result.AllPassed, Sandboxes.Describe(result));
    }

    [Fact]
    public async Task A_fork_bomb_hits_the_process_limit_and_leaves_nothing_behind()
    {
        Sandboxes.Require();
        var limits = new SandboxLimits { MaxProcesses = 16, WallClock = TimeSpan.FromSeconds(10) };

        var result = await Sandboxes.RunAsync(NoCandidate, """
            import os, unittest
            import solution

            class Probe(unittest.TestCase):
                def test_bomb(self):
                    print("uid", os.getuid(), flush=True)
                    started = 0
                    for _ in range(10000):
                        try:
                            if os.fork() == 0:
                                while True:
                                    try:
                                        os.fork()
                                    except OSError:
                                        pass
                        except OSError:
                            break
                        started += 1
                    self.assertLess(started, 16, "the process limit never stopped the bomb")
            """, limits);

        Assert.True(result.AllPassed, Sandboxes.Describe(result));
        Assert.True(result.Duration < TimeSpan.FromSeconds(10), Sandboxes.Describe(result));
        var uid = int.Parse(UidLine().Match(result.Stdout).Groups[1].Value);
        await AssertNoProcessesLeftAsync(uid);
        using var probe = Process.Start("/usr/bin/true")!;
        await probe.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, probe.ExitCode);
    }

    [Fact]
    public async Task A_memory_blow_up_hits_the_address_space_limit_and_is_not_a_pass()
    {
        Sandboxes.Require();
        var limits = new SandboxLimits { MemoryBytes = 512L << 20 };

        var result = await Sandboxes.RunAsync(NoCandidate, """
            import unittest
            import solution

            class Probe(unittest.TestCase):
                def test_blow_up(self):
                    hog = bytearray(2 * 1024 ** 3)
                    self.assertEqual(len(hog), 2 * 1024 ** 3)
            """, limits);

        Assert.False(result.AllPassed, Sandboxes.Describe(result));
        var test = Sandboxes.Outcome(result, "test_probe.py::Probe::test_blow_up");
        Assert.Equal(TestOutcome.Errored, test.Outcome);
        Assert.Contains("MemoryError", test.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("while True:\n                        pass")]
    [InlineData("import time; time.sleep(600)")]
    public async Task A_test_that_never_ends_times_out_within_the_wall_clock_limit(string body)
    {
        Sandboxes.Require();
        var limits = new SandboxLimits { WallClock = TimeSpan.FromSeconds(2) };

        var result = await Sandboxes.RunAsync(NoCandidate, $$"""
            import unittest
            import solution

            class Probe(unittest.TestCase):
                def test_a_quick_one(self):
                    pass

                def test_forever(self):
                    {{body}}

                def test_z_never_reached(self):
                    pass
            """, limits);

        Assert.Equal(SandboxRunStatus.TimedOut, result.Status);
        Assert.False(result.AllPassed);
        Assert.Equal(TestOutcome.Passed, Sandboxes.Outcome(result, "test_probe.py::Probe::test_a_quick_one").Outcome);
        Assert.Equal(TestOutcome.TimedOut, Sandboxes.Outcome(result, "test_probe.py::Probe::test_forever").Outcome);
        Assert.Equal(TestOutcome.NotRun, Sandboxes.Outcome(result, "test_probe.py::Probe::test_z_never_reached").Outcome);
        // The harness itself stopped it at the limit (the host's backstop would say "did not report"); how much
        // later than 2 s that was depends on the machine's load, so only the lower bound is a fact.
        Assert.Equal("the wall-clock limit was reached", result.Message);
        Assert.True(result.Duration >= TimeSpan.FromSeconds(1.9), Sandboxes.Describe(result));
    }

    [Fact]
    public async Task Writing_a_file_larger_than_the_file_size_limit_fails()
    {
        Sandboxes.Require();
        var limits = new SandboxLimits { MaxFileSizeBytes = 1 << 20 };

        var result = await Sandboxes.RunAsync(NoCandidate, """
            import errno, os, unittest
            import solution

            class Probe(unittest.TestCase):
                def test_big_file(self):
                    with self.assertRaises(OSError) as raised:
                        with open("big.bin", "wb") as f:
                            f.write(b"x" * (4 << 20))
                    self.assertEqual(raised.exception.errno, errno.EFBIG)
                    self.assertLessEqual(os.path.getsize("big.bin"), 1 << 20)
            """, limits);

        Assert.True(result.AllPassed, Sandboxes.Describe(result));
    }

    [Fact]
    public async Task The_private_scratch_folders_fill_up_at_their_size_limit()
    {
        Sandboxes.Require();
        var limits = new SandboxLimits { ScratchBytes = 4L << 20 };

        var result = await Sandboxes.RunAsync(NoCandidate, """
            import errno, os, unittest
            import solution

            class Probe(unittest.TestCase):
                def fill(self, folder):
                    written = 0
                    with self.assertRaises(OSError) as raised:
                        for i in range(100):
                            with open(os.path.join(folder, "chunk%d" % i), "wb") as f:
                                f.write(b"x" * (512 << 10))
                            written += 512 << 10
                    self.assertEqual(raised.exception.errno, errno.ENOSPC)
                    self.assertLessEqual(written, 4 << 20)

                def test_tmp(self):
                    self.fill("/tmp")

                def test_working_folder(self):
                    self.fill(".")

                def test_shared_memory(self):
                    self.fill("/dev/shm")
            """, limits);

        Assert.True(result.AllPassed, Sandboxes.Describe(result));
    }

    [Fact]
    public async Task Two_concurrent_runs_get_different_uids()
    {
        Sandboxes.Require();
        if (!Environment.IsPrivilegedProcess)
        {
            Assert.Skip("per-run uids need root; without it every run shares the current uid");
        }

        const string Tests = """
            import os, time, unittest
            import solution

            class Probe(unittest.TestCase):
                def test_uid(self):
                    print("uid", os.getuid(), flush=True)
                    time.sleep(1)
            """;
        var clock = Stopwatch.StartNew();

        var results = await Task.WhenAll(Sandboxes.RunAsync(NoCandidate, Tests), Sandboxes.RunAsync(NoCandidate, Tests));

        clock.Stop();
        Assert.All(results, r => Assert.True(r.AllPassed, Sandboxes.Describe(r)));
        Assert.True(clock.Elapsed < results[0].Duration + results[1].Duration, "the two runs did not overlap");
        var uids = results.Select(r => int.Parse(UidLine().Match(r.Stdout).Groups[1].Value)).ToList();
        Assert.NotEqual(uids[0], uids[1]);
        Assert.All(uids, uid => Assert.InRange(uid, 60000, 60999));
    }

    [Fact]
    public async Task Cancelling_a_run_kills_the_sandbox()
    {
        Sandboxes.Require();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var job = Sandboxes.Job(NoCandidate, """
            import os, time, unittest
            import solution

            class Probe(unittest.TestCase):
                def test_wait(self):
                    print("uid", os.getuid(), flush=True)
                    time.sleep(600)
            """);

        var run = Sandboxes.Runner.RunTestsAsync(job, cancel.Token);
        // Cancel once the sandbox is running (however long a loaded machine takes to start it), not after a guessed delay.
        var sandboxUids = new List<int>();
        var waited = Stopwatch.StartNew();
        while (Environment.IsPrivilegedProcess && sandboxUids.Count == 0 && waited.Elapsed < TimeSpan.FromSeconds(60) && !run.IsCompleted)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
            sandboxUids = [.. Sandboxes.UidsOfOwnDescendants().Where(u => u is >= 60000 and <= 60999)];
        }

        if (!Environment.IsPrivilegedProcess)
        {
            await Task.Delay(700, TestContext.Current.CancellationToken);
        }

        Assert.True(sandboxUids.Count > 0 || !Environment.IsPrivilegedProcess, "no sandbox was running when the run was cancelled");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        foreach (var uid in sandboxUids)
        {
            await AssertNoProcessesLeftAsync(uid);
        }
    }

    private static async Task AssertNoProcessesLeftAsync(int uid)
    {
        // Bounded by a generous limit: a loaded machine can take a while to reap a killed process tree.
        for (var i = 0; i < 600 && Sandboxes.ProcessesOf(uid).Count > 0; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Empty(Sandboxes.ProcessesOf(uid));
    }

    [GeneratedRegex(@"uid (\d+)")]
    private static partial Regex UidLine();
}
