using System.Diagnostics;
using SecureGen.Core.Analysis.Sandbox;

namespace SecureGen.IntegrationTests.Sandbox;

/// <summary>
/// The warm runner forks every run from one long-lived server: these check that a run still starts from
/// nothing another run left (files, processes, module state, memory), and that a server that dies fails
/// its runs as sandbox failures and is replaced. The other sandbox tests run on the warm path as well.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class WarmSandboxTests
{
    private const string Secret = "sg-warm-secret-3f9a1c77d2";

    private static void RequireWarm()
    {
        Sandboxes.Require();
        if (!Environment.IsPrivilegedProcess)
        {
            Assert.Skip("the warm runner needs root (without it every run is a cold bwrap run)");
        }
    }

    [Fact]
    public async Task Runs_fork_from_one_server_process_that_outlives_them()
    {
        RequireWarm();

        var first = await Sandboxes.RunAsync("VALUE = 1\n", Probe("self.assertEqual(solution.VALUE, 1)"));
        var servers = ServerProcesses();
        var second = await Sandboxes.RunAsync("VALUE = 2\n", Probe("self.assertEqual(solution.VALUE, 2)"));

        Assert.True(first.AllPassed, Sandboxes.Describe(first));
        Assert.True(second.AllPassed, Sandboxes.Describe(second));
        Assert.NotEmpty(servers);
        Assert.Subset(ServerProcesses().ToHashSet(), servers.ToHashSet());
    }

    [Fact]
    public async Task A_run_sees_nothing_a_previous_run_left_behind()
    {
        RequireWarm();
        var leaver = $$"""
            import os, subprocess, unittest, unittest.mock
            SECRET = "{{Secret}}"

            class Probe(unittest.TestCase):
                def test_leave_traces(self):
                    for path in ("/tmp/sg_left", "/work/sg_left", "/dev/shm/sg_left"):
                        with open(path, "w") as f:
                            f.write(SECRET)
                    unittest.mock.SG_LEFT = SECRET
                    os.environ["SG_LEFT"] = SECRET
                    subprocess.Popen(["/bin/sleep", "60"], start_new_session=True)
                    print(SECRET)
            """;
        var finder = $$"""
            import ctypes, gc, os, re, unittest, unittest.mock

            NEEDLE = bytes.fromhex("{{Convert.ToHexString(System.Text.Encoding.ASCII.GetBytes(Secret))}}")

            def own_copies(buffer):
                # The needle object and the scan buffer hold the bytes themselves; everything else would be a leak.
                start = ctypes.addressof((ctypes.c_char * len(buffer)).from_buffer(buffer))
                return [(id(NEEDLE), id(NEEDLE) + 64 + len(NEEDLE)), (start, start + len(buffer))]

            def leaked_addresses():
                buffer = bytearray(1 << 20)
                view = memoryview(buffer)
                skip = own_copies(buffer)
                found = []
                with open("/proc/self/maps") as maps, open("/proc/self/mem", "rb", buffering=0) as mem:
                    for line in maps:
                        fields = line.split()
                        if "r" not in fields[1] or (len(fields) > 5 and fields[5] in ("[vvar]", "[vsyscall]")):
                            continue
                        start, end = (int(x, 16) for x in fields[0].split("-"))
                        at = start
                        while at < end:
                            size = min(len(buffer), end - at)
                            try:
                                mem.seek(at)
                                read = mem.readinto(view[:size])
                            except OSError:
                                break
                            offset = buffer.find(NEEDLE, 0, read)
                            while offset >= 0:
                                address = at + offset
                                if not any(low <= address < high for low, high in skip):
                                    found.append(hex(address))
                                offset = buffer.find(NEEDLE, offset + 1, read)
                            at += max(size - len(NEEDLE), 1)
                return found

            class Probe(unittest.TestCase):
                def test_no_files_of_the_previous_run(self):
                    for path in ("/tmp/sg_left", "/work/sg_left", "/dev/shm/sg_left"):
                        self.assertFalse(os.path.exists(path), path)

                def test_no_processes_but_its_own(self):
                    pids = sorted(int(p) for p in os.listdir("/proc") if p.isdigit())
                    self.assertLessEqual(len(pids), 3, pids)

                def test_no_module_state_or_environment_of_the_previous_run(self):
                    self.assertFalse(hasattr(unittest.mock, "SG_LEFT"))
                    self.assertNotIn("SG_LEFT", os.environ)

                def test_no_trace_of_the_previous_run_in_memory(self):
                    gc.collect()
                    self.assertEqual(leaked_addresses(), [])
            """;

        var left = await Sandboxes.RunAsync("VALUE = 1\n", leaver);
        var after = await Sandboxes.RunAsync("VALUE = 1\n", finder);

        Assert.True(left.AllPassed, Sandboxes.Describe(left));
        Assert.Contains(Secret, left.Stdout, StringComparison.Ordinal);
        Assert.True(after.AllPassed, Sandboxes.Describe(after));
        Assert.Equal(4, after.Count(TestOutcome.Passed));
    }

    [Fact]
    public async Task Each_run_draws_its_own_random_numbers()
    {
        RequireWarm();
        // PID 1 is forked without CPython's after-fork handlers (it runs only the harness); the runner must still
        // get them, or every run would continue the server's random sequence from the same state.
        var probe = """
            import random, unittest

            class Probe(unittest.TestCase):
                def test_draw(self):
                    print("draw", random.getrandbits(64))
            """;

        var first = await Sandboxes.RunAsync("VALUE = 1\n", probe);
        var second = await Sandboxes.RunAsync("VALUE = 1\n", probe);

        Assert.True(first.AllPassed, Sandboxes.Describe(first));
        Assert.True(second.AllPassed, Sandboxes.Describe(second));
        Assert.StartsWith("draw ", first.Stdout, StringComparison.Ordinal);
        Assert.NotEqual(first.Stdout.Trim(), second.Stdout.Trim());
    }

    [Fact]
    public async Task The_memory_scan_finds_a_secret_the_run_itself_holds()
    {
        RequireWarm();

        // The same scan as above, pointed at a copy this run made: proves the scan can see a leak at all.
        var result = await Sandboxes.RunAsync($"HELD = bytes.fromhex(\"{Convert.ToHexString(System.Text.Encoding.ASCII.GetBytes(Secret))}\") * 2\n", $$"""
            import unittest
            import solution

            class Probe(unittest.TestCase):
                def test_scan(self):
                    needle = solution.HELD[:{{Secret.Length}}]
                    with open("/proc/self/maps") as maps, open("/proc/self/mem", "rb", buffering=0) as mem:
                        hits = 0
                        for line in maps:
                            fields = line.split()
                            if "r" not in fields[1] or (len(fields) > 5 and fields[5] in ("[vvar]", "[vsyscall]")):
                                continue
                            start, end = (int(x, 16) for x in fields[0].split("-"))
                            try:
                                mem.seek(start)
                                hits += mem.read(end - start).count(needle)
                            except OSError:
                                continue
                    self.assertGreater(hits, 0)
            """);

        Assert.True(result.AllPassed, Sandboxes.Describe(result));
    }

    [Fact]
    public async Task A_run_that_kills_its_own_interpreter_is_a_crash_not_a_pass()
    {
        RequireWarm();

        var result = await Sandboxes.RunAsync("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n", Probe("pass"));

        Assert.Equal(SandboxRunStatus.Crashed, result.Status);
        Assert.False(result.AllPassed);
        Assert.Contains("SIGKILL", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_cannot_signal_or_see_its_supervisor_and_new_user_namespaces_are_refused()
    {
        RequireWarm();

        var result = await Sandboxes.RunAsync("VALUE = 1\n", """
            import ctypes, os, signal, unittest
            import solution

            class Probe(unittest.TestCase):
                def test_pid_1_ignores_kill(self):
                    os.kill(1, signal.SIGKILL)
                    os.kill(1, signal.SIGTERM)

                def test_pid_1_is_not_readable(self):
                    with self.assertRaises(OSError):
                        os.listdir("/proc/1/fd")

                def test_no_user_namespace(self):
                    libc = ctypes.CDLL(None, use_errno=True)
                    self.assertEqual(libc.unshare(0x10000000), -1)
                    self.assertEqual(ctypes.get_errno(), 1)

                def test_hostname_and_loopback(self):
                    import socket
                    self.assertEqual(socket.gethostname(), "sandbox")
                    server = socket.socket()
                    server.bind(("127.0.0.1", 0))
                    server.listen(1)
                    client = socket.create_connection(server.getsockname(), timeout=5)
                    client.close()
                    server.close()
            """);

        Assert.True(result.AllPassed, Sandboxes.Describe(result));
        Assert.Equal(4, result.Count(TestOutcome.Passed));
    }

    [Fact]
    public async Task A_server_that_dies_mid_run_gives_a_sandbox_failure_and_the_next_run_gets_a_new_one()
    {
        RequireWarm();
        using var runner = new BubblewrapSandboxRunner(new SandboxOptions());
        var cancellation = TestContext.Current.CancellationToken;
        var running = runner.RunTestsAsync(Sandboxes.Job("VALUE = 1\n", """
            import time, unittest
            import solution

            class Probe(unittest.TestCase):
                def test_wait(self):
                    time.sleep(600)
            """, limits: new SandboxLimits { WallClock = TimeSpan.FromSeconds(120) }), cancellation);
        // This runner's own server (other tests' servers run beside it), once the run's PID 1 runs under a sandbox uid below it.
        var server = await WaitForAsync(() => Sandboxes.ProcessUids()
            .Where(p => p.Uid is >= 60000 and <= 60999 && runner.ServerProcessIds.Contains(p.Parent)).Select(p => p.Parent).FirstOrDefault());

        using (var process = Process.GetProcessById(server))
        {
            process.Kill();
        }

        var failed = await running;
        var next = await runner.RunTestsAsync(Sandboxes.Job("VALUE = 1\n", Probe("self.assertEqual(solution.VALUE, 1)")), cancellation);

        Assert.Equal(SandboxRunStatus.SandboxFailure, failed.Status);
        Assert.Contains("sandbox server exited", failed.Message, StringComparison.Ordinal);
        Assert.True(next.AllPassed, Sandboxes.Describe(next));
        Assert.DoesNotContain(server, ServerProcesses());
    }

    [Fact]
    public async Task A_cold_runner_still_runs_the_same_tests()
    {
        Sandboxes.Require();
        using var cold = new BubblewrapSandboxRunner(new SandboxOptions { Warm = false });
        var before = ServerProcesses().ToHashSet();

        var result = await cold.RunTestsAsync(Sandboxes.Job("def twice(x):\n    return 2 * x\n", Probe("self.assertEqual(solution.twice(2), 4)")), TestContext.Current.CancellationToken);

        Assert.True(result.AllPassed, Sandboxes.Describe(result));
        Assert.Subset(before, ServerProcesses().ToHashSet());
    }

    private static string Probe(string body) => $$"""
        import unittest
        import solution

        class Probe(unittest.TestCase):
            def test_probe(self):
                {{body}}
        """;

    /// <summary>Warm servers (harness.py --serve) that descend from this test process.</summary>
    private static List<int> ServerProcesses()
    {
        var own = Sandboxes.ProcessUids().ToDictionary(p => p.Pid);
        return [.. own.Values.Where(p => p.Parent == Environment.ProcessId && IsServer(p.Pid)).Select(p => p.Pid)];
    }

    private static bool IsServer(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Contains("--serve", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Polls a condition until it yields a non-zero value; bounded by a generous limit, not a timing assumption.</summary>
    private static async Task<int> WaitForAsync(Func<int> probe)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var value = probe();
            if (value != 0)
            {
                return value;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("the condition did not hold within 60 s");
    }
}
