using System.Globalization;
using SecureGen.Bench.Eval;
using SecureGen.Core.Benchmarks;
using SecureGen.Simulator;

// Usage: SecureGen.Bench.Eval [--cli PATH] [--concurrency 16,64,135] [--cold-at 64] [--latency-ms 1000] [--samples 3] [--repeat 1] [--skip-reference] [--keep DIR] [--compare-cli PATH]
// --cold-at N: also one run at concurrency N with the sandbox's cold path (a fresh bwrap + interpreter per run), the state before the warm runner.
// --keep DIR: copies each run's results.jsonl there (results-c{concurrency}-{round}.jsonl) to compare verdicts across builds.
// --compare-cli PATH: another build of the CLI (e.g. before a change) run at every concurrency right before this one,
// so both see the same load; its rows say "(compared build)".
// Needs root (cgroup accounting and the sandbox's per-run uids). One run prints everything side by side.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
var cli = Path.GetFullPath(Option("--cli", FindCli()));
var concurrencies = Option("--concurrency", "16,64,135").Split(',').Select(int.Parse).ToList();
var latencyMs = double.Parse(Option("--latency-ms", "1000"), CultureInfo.InvariantCulture);
var samples = int.Parse(Option("--samples", "3"), CultureInfo.InvariantCulture);
var repeat = int.Parse(Option("--repeat", "1"), CultureInfo.InvariantCulture);
var coldAt = Option("--cold-at", "") is { Length: > 0 } c ? int.Parse(c, CultureInfo.InvariantCulture) : (int?)null;
var keep = Option("--keep", "") is { Length: > 0 } k ? Directory.CreateDirectory(k).FullName : null;
var compareCli = Option("--compare-cli", "") is { Length: > 0 } other ? Path.GetFullPath(other) : null;
var ct = CancellationToken.None;

var tasks = new BuiltinDatasetLoader().Load(null);
var busyAtStart = MachineCpu.BusySeconds();
var wallAtStart = DateTime.UtcNow;
Console.WriteLine($"# End-to-end eval throughput ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {MachineCpu.LoadAverage()} at start)");
Console.WriteLine();
Console.WriteLine($"Built-in benchmark: {tasks.Count} tasks x {samples} samples = {tasks.Count * samples} sessions, baseline strategy, simulator in this process at a fixed {latencyMs:0} ms per completion; CLI {cli}.");
Console.WriteLine();

await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { LatencyMs = latencyMs }, ct);
var results = new List<RunMeasurement>();
RunMeasurement? reference = null;
if (!args.Contains("--skip-reference"))
{
    reference = await ReferencePipeline.RunAsync(simulator.BaseUrl, tasks, samples, ct);
    results.Add(reference);
    Console.Error.WriteLine($"reference: {reference.Wall.TotalSeconds:0.0} s");
}

// Fixed cost: the same CLI on one session (start-up, workers, sandbox server, one model call, shutdown).
if (compareCli is not null)
{
    var compareStartup = await EmbeddedEval.RunAsync(compareCli, simulator.BaseUrl, 1, 1, 1, ct);
    results.Add(compareStartup with { Name = "securegen eval, 1 session (fixed cost) (compared build)" });
}

var startup = await EmbeddedEval.RunAsync(cli, simulator.BaseUrl, 1, 1, 1, ct);
results.Add(startup with { Name = "securegen eval, 1 session (fixed cost)" });
if (coldAt is { } coldConcurrency)
{
    var cold = await EmbeddedEval.RunAsync(cli, simulator.BaseUrl, coldConcurrency, samples, null, ct, cold: true);
    Console.Error.WriteLine($"{cold.Name}: {cold.Wall.TotalSeconds:0.0} s, load {MachineCpu.LoadAverage()}");
    results.Add(cold);
}

var byConcurrency = new Dictionary<int, List<RunMeasurement>>();
for (var round = 0; round < repeat; round++)
{
    foreach (var concurrency in concurrencies)
    {
        if (compareCli is not null)
        {
            var compareAs = keep is null ? null : Path.Combine(keep, $"results-compared-c{concurrency}-{round}.jsonl");
            var compared = await EmbeddedEval.RunAsync(compareCli, simulator.BaseUrl, concurrency, samples, null, ct, keepResultsAs: compareAs);
            compared = compared with { Name = compared.Name + " (compared build)" };
            Console.Error.WriteLine($"{compared.Name}: {compared.Wall.TotalSeconds:0.0} s, load {MachineCpu.LoadAverage()}");
            results.Add(compared);
        }

        var keepAs = keep is null ? null : Path.Combine(keep, $"results-c{concurrency}-{round}.jsonl");
        var run = await EmbeddedEval.RunAsync(cli, simulator.BaseUrl, concurrency, samples, null, ct, keepResultsAs: keepAs);
        Console.Error.WriteLine($"{run.Name}: {run.Wall.TotalSeconds:0.0} s, load {MachineCpu.LoadAverage()}");
        (byConcurrency.TryGetValue(concurrency, out var list) ? list : byConcurrency[concurrency] = []).Add(run);
        results.Add(run);
    }
}

Console.WriteLine("| pipeline | sessions | wall s | sessions/s | CPU s | CPU ms/session | vs reference | notes |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
foreach (var r in results)
{
    var ratio = reference is null ? "-" : $"{reference.Wall / r.Wall:0.0}x";
    Console.WriteLine($"| {r.Name} | {r.Sessions} | {r.Wall.TotalSeconds:0.0} | {r.SessionsPerSecond:0.00} | {r.PipelineCpu:0.0} | {r.CpuMsPerSession:0} | {ratio} | {r.Note} |");
}

Console.WriteLine();
Console.WriteLine("CPU seconds by process group (cgroup cpuacct; the bench process hosts the simulator and is not counted in any eval row):");
Console.WriteLine();
var partNames = results.SelectMany(r => r.CpuByPart.Keys).Distinct().ToList();
Console.WriteLine($"| pipeline | {string.Join(" | ", partNames)} |");
Console.WriteLine($"|---|{string.Concat(partNames.Select(_ => "---:|"))}");
foreach (var r in results)
{
    Console.WriteLine($"| {r.Name} | {string.Join(" | ", partNames.Select(p => r.CpuByPart.TryGetValue(p, out var s) ? $"{s:0.00} ({s * 1000 / r.Sessions:0} ms/session)" : "-"))} |");
}

Console.WriteLine();
var sessionsTotal = tasks.Count * samples;
foreach (var (concurrency, runs) in byConcurrency)
{
    var median = runs.OrderBy(r => r.CpuMsPerSession).ElementAt(runs.Count / 2);
    var marginalMs = (median.PipelineCpu - startup.PipelineCpu) * 1000 / (median.Sessions - startup.Sessions);
    // 64 calls in flight at most: the client's default per-endpoint concurrency limit.
    var modelBound = Math.Ceiling(sessionsTotal / (double)Math.Min(concurrency, 64)) * latencyMs / 1000;
    var cpuBound = median.PipelineCpu / Environment.ProcessorCount;
    Console.WriteLine($"- concurrency {concurrency}: median of {runs.Count}: {median.CpuMsPerSession:0} ms CPU/session in all ({marginalMs:0} ms/session above the 1-session fixed cost); ceiling max(model-bound {modelBound:0.0} s, CPU-bound {cpuBound:0.0} s) = {Math.Max(modelBound, cpuBound):0.0} s; measured {median.Wall.TotalSeconds:0.0} s");
}

var machineBusy = MachineCpu.BusySeconds() - busyAtStart;
var elapsed = (DateTime.UtcNow - wallAtStart).TotalSeconds;
Console.WriteLine();
Console.WriteLine($"Machine during the bench: {machineBusy:0} busy CPU s of {elapsed * Environment.ProcessorCount:0} available ({machineBusy / (elapsed * Environment.ProcessorCount):P0}; every process, other users' included), load average {MachineCpu.LoadAverage()} at the end.");

static string FindCli()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "client", "SecureGen.Cli", "bin", "Release", "net10.0", "securegen");
        if (File.Exists(candidate))
        {
            return candidate;
        }
    }

    throw new FileNotFoundException("build the CLI first (dotnet build client/SecureGen.Cli -c Release) or pass --cli PATH");
}
