using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SecureGen.Bench.Cluster;

// The Orleans cluster (Redis membership, grain state and reminders; PostgreSQL results; memory streams), measured side
// by side in one run against the embedded silo: sessions/s with one and two session/candidate silos against the
// simulator with a fixed latency; the per-session overhead of the cluster with no model latency; one refinement round
// over streams against the direct grain call; silo start-up; and the time from SIGKILL of a silo to its sessions
// running again elsewhere.
var tasks = Arg("--tasks", 30);
var samples = Arg("--samples", 2);
var latencyMs = Arg("--latency-ms", 1000);
var window = Arg("--concurrency", 4);
var overheadTasks = Arg("--overhead-tasks", 20);
var overheadRounds = Arg("--overhead-rounds", 3);
var refineRounds = Arg("--refine-rounds", 20);
var failoverLatencyMs = Arg("--failover-latency-ms", 6000);
// `--only overhead,failover` runs a subset of the scenarios (throughput, overhead, failover); all by default.
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault()?.Split(',') ?? ["throughput", "overhead", "failover"];
bool Runs(string scenario) => only.Contains(scenario, StringComparer.Ordinal);
var root = FindRoot();
var state = Directory.CreateTempSubdirectory("sg-bench-cluster-").FullName;
var (redisPort, postgresPort, simPort, fastSimPort, failoverSimPort) = (FreePort(), FreePort(), FreePort(), FreePort(), FreePort());
var env = new Dictionary<string, string> { ["SG_REDIS_PORT"] = Invariant(redisPort), ["SG_POSTGRES_PORT"] = Invariant(postgresPort) };
var script = Path.Combine(root, "scripts", "dev-cluster.sh");
await ChildProcess.RunAsync("bash", [script, "up", state], env);
var children = new List<ChildProcess>();
var allSilos = new List<ChildProcess>();
try
{
    var cluster = $"127.0.0.1:{redisPort}";
    var db = $"Host=127.0.0.1;Port={postgresPort};Username=postgres;Database=postgres";
    children.Add(await ChildProcess.StartSecureGenAsync("simulator listening", "simulator", "--port", Invariant(simPort), "--latency-ms", Invariant(latencyMs)));
    children.Add(await ChildProcess.StartSecureGenAsync("simulator listening", "simulator", "--port", Invariant(fastSimPort), "--latency-ms", "0"));
    children.Add(await ChildProcess.StartSecureGenAsync("simulator listening", "simulator", "--port", Invariant(failoverSimPort), "--latency-ms", Invariant(failoverLatencyMs)));
    var slow = $"http://127.0.0.1:{simPort}/v1";
    var fast = $"http://127.0.0.1:{fastSimPort}/v1";
    var failoverEndpoint = $"http://127.0.0.1:{failoverSimPort}/v1";
    var startUps = new List<double>();

    async Task<ChildProcess> Silo(string roles, string endpoint)
    {
        var silo = await ChildProcess.StartSecureGenAsync("silo ready", "silo", "--roles", roles, "--cluster", cluster, "--db", db, "--endpoint", endpoint,
            "--port", "0", "--analysis-workers", "2");
        startUps.Add(silo.StartUp.TotalSeconds);
        allSilos.Add(silo);
        return silo;
    }

    // Timed from the sessions' own records (first start to last completion), so CLI start-up is not counted.
    // Each scenario gets its own seed: the same seed would be answered from the response cache, not the model.
    var seed = 1000;
    string[] EvalArgs(int taskCount, int sampleCount, string output, params string[] extra)
    {
        seed += 100;
        return ["eval", "--tasks", Invariant(taskCount), "--samples", Invariant(sampleCount), "--seed", Invariant(seed), "--out", output, .. extra];
    }

    async Task<RunTiming> Eval(int taskCount, int sampleCount, params string[] extra)
    {
        var output = Directory.CreateTempSubdirectory("sg-bench-out-").FullName;
        var (_, log) = await ChildProcess.RunSecureGenAsync(EvalArgs(taskCount, sampleCount, output, extra));
        Directory.CreateDirectory(Path.Combine(state, "logs"));
        await File.WriteAllTextAsync(Path.Combine(state, "logs", $"eval-{seed}.log"), log);
        return RunTiming.Read(Path.Combine(output, "results.jsonl"));
    }

    var sessions = tasks * samples;
    var report = new StringBuilder();
    children.Add(await Silo("analyzer,scorer", slow));
    if (Runs("throughput"))
    {
        var inCluster = new[] { "--cluster", cluster, "--db", db, "--concurrency", Invariant(window) };
        var rows = new List<(string Setup, RunTiming Timing)>();
        rows.Add(("embedded silo (memory state, SQLite)", await Eval(tasks, samples, "--endpoint", slow, "--concurrency", Invariant(window))));
        var sessionSilos = new List<ChildProcess> { await Silo("session,candidate", slow) };
        rows.Add(("cluster, 1 session/candidate silo", await Eval(tasks, samples, inCluster)));
        sessionSilos.Add(await Silo("session,candidate", slow));
        rows.Add(("cluster, 2 session/candidate silos", await Eval(tasks, samples, inCluster)));
        var twoWindows = new[] { "--cluster", cluster, "--db", db, "--concurrency", Invariant(2 * window) };
        rows.Add(($"cluster, 2 session/candidate silos, window {2 * window}", await Eval(tasks, samples, twoWindows)));
        await Task.WhenAll(sessionSilos.Select(s => s.StopAsync()));

        report.AppendLine(CultureInfo.InvariantCulture, $"Sessions: {sessions} ({tasks} built-in tasks x {samples} samples, baseline), simulator latency {latencyMs} ms, run window {window} sessions in flight (eval --concurrency), one analyzer/scorer silo.");
        report.AppendLine();
        report.AppendLine("| setup | wall time (s) | sessions/s | median session (ms) | vs 1 silo |");
        report.AppendLine("|---|---:|---:|---:|---:|");
        var baseline = rows[1].Timing.SessionsPerSecond;
        foreach (var (setup, timing) in rows)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {setup} | {timing.Span.TotalSeconds:0.0} | {timing.SessionsPerSecond:0.00} | {timing.MedianSessionMs:0} | {timing.SessionsPerSecond / baseline:0.00}x |");
        }

        report.AppendLine();
    }

    if (Runs("overhead"))
    {
        // One session at a time, no model latency, so the difference is grain calls, Redis state and PostgreSQL.
        var fastSilo = await Silo("session,candidate", fast);
        // Interleaved rounds, so that load from elsewhere falls on both alike.
        var embeddedRuns = new List<RunTiming>();
        var clusterRuns = new List<RunTiming>();
        for (var round = 0; round < overheadRounds; round++)
        {
            embeddedRuns.Add(await Eval(overheadTasks, 1, "--endpoint", fast, "--concurrency", "1"));
            clusterRuns.Add(await Eval(overheadTasks, 1, "--cluster", cluster, "--db", db, "--concurrency", "1"));
        }

        var (streamMs, directMs) = await RefinementProbe.MeasureAsync(cluster, refineRounds);
        await fastSilo.StopAsync();
        var n = clusterRuns.Sum(r => r.Sessions);
        var embeddedMedian = RunTiming.Median(embeddedRuns.SelectMany(r => r.DurationsMs));
        var clusterMedian = RunTiming.Median(clusterRuns.SelectMany(r => r.DurationsMs));
        var wallPerSession = (clusterRuns.Sum(r => r.Span.TotalMilliseconds) - embeddedRuns.Sum(r => r.Span.TotalMilliseconds)) / n;
        report.AppendLine(CultureInfo.InvariantCulture, $"Per-session overhead, {n} sessions one at a time with no model latency ({overheadRounds} interleaved rounds of {overheadTasks}): median session embedded {embeddedMedian:0.0} ms, cluster {clusterMedian:0.0} ms ({clusterMedian - embeddedMedian:0.0} ms inside the session grain); by wall time {wallPerSession:0.0} ms per session including dispatch by the run grain and the tests.");
        report.AppendLine(CultureInfo.InvariantCulture, $"Refinement round (one model call at 0 ms latency, median of {refineRounds}, interleaved): over memory streams {streamMs:0.0} ms, direct grain call {directMs:0.0} ms: streams add {streamMs - directMs:0.0} ms.");
    }

    if (Runs("failover"))
    {
        // Two session/candidate silos, every session in flight on a slow model; SIGKILL one mid-call.
        var victim = await Silo("session,candidate", failoverEndpoint);
        var survivor = await Silo("session,candidate", failoverEndpoint);
        var failoverOut = Directory.CreateTempSubdirectory("sg-bench-out-").FullName;
        using var failoverRun = ChildProcess.StartSecureGen(EvalArgs(8, 1, failoverOut, "--cluster", cluster, "--db", db, "--concurrency", "8"));
        await failoverRun.SeenAsync("submitted").WaitAsync(TimeSpan.FromMinutes(2));
        await Task.Delay(TimeSpan.FromMilliseconds(failoverLatencyMs / 3));
        var killedAt = DateTimeOffset.UtcNow;
        victim.KillHard();
        await failoverRun.WaitAsync(TimeSpan.FromMinutes(3));
        var failover = RunTiming.Read(Path.Combine(failoverOut, "results.jsonl"));
        var resumed = failover.Starts.Where(s => s > killedAt).Select(s => (s - killedAt).TotalSeconds).ToList();
        var runEnd = failover.Starts[0] + failover.Span;
        victim.Dispose();
        await survivor.StopAsync();
        report.AppendLine(resumed.Count == 0
            ? "Failover: no session was running on the killed silo (placement put all 8 on the other one)."
            : string.Create(CultureInfo.InvariantCulture, $"Failover: SIGKILL of one of two session/candidate silos with 8 sessions in flight ({failoverLatencyMs} ms model latency): {resumed.Count} session(s) restarted on the survivor {resumed.Min():0.0}-{resumed.Max():0.0} s after the kill; the run ended {(runEnd - killedAt).TotalSeconds:0.0} s after it with all {failover.Sessions} sessions stored once."));
    }

    report.AppendLine(CultureInfo.InvariantCulture, $"Silo start to active member (process start to 'silo ready'): median {startUps.Order().ElementAt(startUps.Count / 2):0.0} s, max {startUps.Max():0.0} s over {startUps.Count} silos.");
    Console.WriteLine(report);
}
finally
{
    // Every child's output stays beside the stores' logs, for a run that went wrong.
    Directory.CreateDirectory(Path.Combine(state, "logs"));
    foreach (var child in children.Concat(allSilos))
    {
        await File.WriteAllTextAsync(Path.Combine(state, "logs", $"{child.Id}.log"), child.Output);
    }

    Console.Error.WriteLine($"process logs: {Path.Combine(state, "logs")}");
    children.ForEach(c => c.Dispose());
    allSilos.ForEach(c => c.Dispose());
    await ChildProcess.RunAsync("bash", [script, "down", state], env);
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "SecureGenCluster.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("run from inside the repository");
}
