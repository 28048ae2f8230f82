using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SecureGen.Bench.Cluster;

// Sessions per second on the embedded silo and on RabbitMQ + PostgreSQL clusters with one and two
// session/candidate silos, against the simulator with a fixed latency, measured side by side in one run;
// then the messaging overhead per session (sequential sessions, no latency: cluster minus embedded).
var tasks = Arg("--tasks", 40);
var samples = Arg("--samples", 3);
var latencyMs = Arg("--latency-ms", 300);
var perSilo = Arg("--session-concurrency", 4);
var root = FindRoot();
var state = Directory.CreateTempSubdirectory("sg-bench-cluster-").FullName;
var (rabbitPort, postgresPort, distPort, simPort, fastSimPort) = (FreePort(), FreePort(), FreePort(), FreePort(), FreePort());
var env = new Dictionary<string, string>
{
    ["SG_RABBIT_PORT"] = Invariant(rabbitPort),
    ["SG_RABBIT_DIST_PORT"] = Invariant(distPort),
    ["SG_POSTGRES_PORT"] = Invariant(postgresPort),
};
var script = Path.Combine(root, "scripts", "dev-cluster.sh");
await ChildProcess.RunAsync("bash", [script, "up", state], env);
var children = new List<ChildProcess>();
try
{
    var rabbit = $"amqp://127.0.0.1:{rabbitPort}/";
    var db = $"Host=127.0.0.1;Port={postgresPort};Username=postgres;Database=postgres";
    children.Add(await ChildProcess.StartSecureGenAsync("simulator listening", "simulator", "--port", Invariant(simPort), "--latency-ms", Invariant(latencyMs)));
    children.Add(await ChildProcess.StartSecureGenAsync("simulator listening", "simulator", "--port", Invariant(fastSimPort), "--latency-ms", "0"));
    var slow = $"http://127.0.0.1:{simPort}/v1";
    var fast = $"http://127.0.0.1:{fastSimPort}/v1";
    var sessions = tasks * samples;

    async Task<ChildProcess> Silo(string roles, string endpoint, int concurrency) =>
        await ChildProcess.StartSecureGenAsync("silo ready", "silo", "--roles", roles, "--cluster", rabbit, "--db", db, "--endpoint", endpoint,
            "--port", "0", "--analysis-workers", "2", "--session-concurrency", Invariant(concurrency));

    // Timed from the sessions' own records (first start to last completion), so CLI start-up is not counted.
    // Each scenario gets its own seed: the same seed would be answered from the response cache, not the model.
    var seed = 1000;
    async Task<RunTiming> Eval(params string[] extra)
    {
        var output = Directory.CreateTempSubdirectory("sg-bench-out-").FullName;
        seed += 100;
        await ChildProcess.RunSecureGenAsync(["eval", "--tasks", Invariant(tasks), "--samples", Invariant(samples), "--seed", Invariant(seed), "--out", output, .. extra]);
        return RunTiming.Read(Path.Combine(output, "results.jsonl"));
    }

    var rows = new List<(string Setup, int InFlight, RunTiming Timing)>();
    rows.Add(("embedded (in-memory bus, SQLite)", perSilo, await Eval("--endpoint", slow, "--concurrency", Invariant(perSilo))));
    children.Add(await Silo("analyzer,scorer", slow, perSilo));
    var first = await Silo("session,candidate", slow, perSilo);
    children.Add(first);
    rows.Add(("cluster, 1 session/candidate silo", perSilo, await Eval("--cluster", rabbit, "--db", db)));
    children.Add(await Silo("session,candidate", slow, perSilo));
    rows.Add(("cluster, 2 session/candidate silos", 2 * perSilo, await Eval("--cluster", rabbit, "--db", db)));

    // Overhead: one session at a time, no model latency, so the difference is transport and store.
    foreach (var child in children.Skip(2))
    {
        child.Dispose();
    }

    children.RemoveRange(2, children.Count - 2);
    var embeddedSequential = await Eval("--endpoint", fast, "--concurrency", "1");
    children.Add(await Silo("session,candidate,analyzer,scorer", fast, 1));
    var clusterSequential = await Eval("--cluster", rabbit, "--db", db);

    var report = new StringBuilder();
    report.AppendLine(CultureInfo.InvariantCulture, $"Sessions: {sessions} ({tasks} built-in tasks x {samples} samples, baseline), simulator latency {latencyMs} ms, {perSilo} sessions in flight per silo.");
    report.AppendLine();
    report.AppendLine("| setup | sessions in flight | wall time (s) | sessions/s | vs 1 silo |");
    report.AppendLine("|---|---:|---:|---:|---:|");
    var baseline = rows[1].Timing.SessionsPerSecond;
    foreach (var (setup, inFlight, timing) in rows)
    {
        report.AppendLine(CultureInfo.InvariantCulture, $"| {setup} | {inFlight} | {timing.Span.TotalSeconds:0.0} | {timing.SessionsPerSecond:0.00} | {timing.SessionsPerSecond / baseline:0.00}x |");
    }

    report.AppendLine();
    var overhead = clusterSequential.MedianSessionMs - embeddedSequential.MedianSessionMs;
    report.AppendLine(CultureInfo.InvariantCulture, $"Messaging overhead, one session at a time with no model latency (median session duration as the session grain measured it): embedded {embeddedSequential.MedianSessionMs:0.0} ms, cluster {clusterSequential.MedianSessionMs:0.0} ms: {overhead:0.0} ms per session for RabbitMQ + PostgreSQL (three request/response round trips between grains and the publish of the result).");
    Console.WriteLine(report);
}
finally
{
    children.ForEach(c => c.Dispose());
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
