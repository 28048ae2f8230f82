using System.Diagnostics;
using System.Globalization;
using SecureGen.Bench.Analysis;
using SecureGen.Core.Analysis;

// Median analysis time per ~50-line Python file: the persistent worker pool against one
// `bandit` process per file, measured side by side (interleaved file by file) in one run.
// usage: dotnet run --project bench/SecureGen.Bench.Analysis -c Release -- [--rounds N] [--lines N] [--bandit PATH]
var rounds = 5;
var targetLines = 50;
var bandit = "/usr/bin/bandit";
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rounds" when i + 1 < args.Length:
            rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--lines" when i + 1 < args.Length:
            targetLines = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--bandit" when i + 1 < args.Length:
            bandit = args[++i];
            break;
        default:
            await Console.Error.WriteLineAsync($"error: unknown argument '{args[i]}' (known: --rounds N, --lines N, --bandit PATH)");
            return 2;
    }
}

if (!File.Exists(bandit))
{
    await Console.Error.WriteLineAsync($"error: {bandit} not found (apt-get install bandit)");
    return 2;
}

var corpus = BenchCorpus.Build(Path.Combine(AppContext.BaseDirectory, "benchmark", "tasks"), targetLines);
var folder = Directory.CreateTempSubdirectory("sg-bench-");
try
{
    var files = corpus.Select((code, i) =>
    {
        var path = Path.Combine(folder.FullName, $"candidate_{i:00}.py");
        File.WriteAllText(path, code);
        return path;
    }).ToList();
    var lineCounts = corpus.Select(c => c.Count(ch => ch == '\n')).Order().ToList();

    // One worker: the figure is the latency of one file, not the pool's parallel throughput.
    await using var banditPool = new PythonWorkerPool(new PythonWorkerOptions { WorkerCount = 1, Analyzers = ["bandit"] });
    var available = await banditPool.GetAvailableAnalyzersAsync(CancellationToken.None);
    var allOptions = new PythonWorkerOptions { WorkerCount = 1, Analyzers = available };
    await using var allPool = new PythonWorkerPool(allOptions);
    var pools = new List<(PythonWorkerPool Pool, LatencySample Sample)> { (banditPool, new LatencySample("persistent worker pool, bandit")) };
    if (available.Count > 1)
    {
        pools.Add((allPool, new LatencySample($"persistent worker pool, {string.Join(" + ", available)}")));
    }

    var processes = new LatencySample("one `bandit -f json FILE` process per file");
    var workerFindings = 0;
    var processFindings = 0;

    // Warm-up (not timed): workers started and imports done, bandit's files in the page cache.
    foreach (var file in files)
    {
        foreach (var (pool, _) in pools)
        {
            await pool.AnalyzeAsync(await File.ReadAllTextAsync(file), CancellationToken.None);
        }
    }

    BanditProcess.Run(bandit, files[0]);

    for (var round = 0; round < rounds; round++)
    {
        foreach (var file in files)
        {
            foreach (var (pool, sample) in pools)
            {
                var started = Stopwatch.GetTimestamp();
                var report = await pool.AnalyzeAsync(await File.ReadAllTextAsync(file), CancellationToken.None);
                sample.Add(Stopwatch.GetElapsedTime(started));
                if (report.Verdict == Verdict.Unknown)
                {
                    throw new InvalidOperationException($"the worker could not analyse {file}: {string.Join("; ", report.Reasons)}");
                }

                if (round == 0 && pool == banditPool)
                {
                    workerFindings += report.Findings.Count;
                }
            }

            var processStarted = Stopwatch.GetTimestamp();
            var issues = BanditProcess.Run(bandit, file);
            processes.Add(Stopwatch.GetElapsedTime(processStarted));
            if (round == 0)
            {
                processFindings += issues;
            }
        }
    }

    var baseline = pools[0].Sample;
    Console.WriteLine($"Analysis throughput: {files.Count} files of {lineCounts[0]}-{lineCounts[^1]} lines (median {lineCounts[lineCounts.Count / 2]}), {rounds} rounds, interleaved file by file");
    Console.WriteLine($"machine: {MachineDescription.Describe()}");
    Console.WriteLine();
    Console.WriteLine("| way of analysing one file | median ms | p90 ms | mean ms | files/s (one stream) |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    foreach (var sample in pools.Select(p => p.Sample).Append(processes))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {sample.Name} | {sample.Median:0.00} | {sample.P90:0.00} | {sample.Mean:0.00} | {1000 / sample.Mean:0} |"));
    }

    Console.WriteLine();
    var ratio = processes.Median / baseline.Median;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio of medians, bandit process / worker pool (bandit): {ratio:0.0}x (target >= 20x: {(ratio >= 20 ? "met" : "NOT met")})"));
    foreach (var (_, sample) in pools.Skip(1))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio of medians, bandit process / {sample.Name}: {processes.Median / sample.Median:0.0}x"));
    }

    Console.WriteLine($"findings in round 1: worker bandit {workerFindings} (string checks on, visit_Constant fix), bandit process {processFindings} (string checks silently off on Python 3.8+)");
    return 0;
}
finally
{
    folder.Delete(recursive: true);
}
