using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using SecureGen.Bench.Scorer;
using SecureGen.Core.Scoring;
using SecureGen.Onnx;

// Scores the same candidates one at a time and in batches, in one process, under each ONNX Runtime thread setting,
// and prints tokens per second side by side. Batches go through the same NeuralScorer the ScorerGrain uses. Extra
// rows take one design choice away at a time (concurrent runs, the rows-per-run cap, length buckets), and a breakdown
// shows where a batch's time goes (tokenizing versus ONNX Runtime).
var settings = BenchSettings.Parse(args);
var codes = Workload.Candidates(settings.Candidates);
var tokenCount = codes.Sum(c => (long)PythonTokenizer.Tokenize(c).Count);
var defaults = new ScorerOptions();
Console.WriteLine($"{codes.Count} candidates, {tokenCount} tokens (mean {tokenCount / (double)codes.Count:0} per candidate), best of {settings.Repeat}; " +
    $"{Environment.ProcessorCount} cores; defaults: {defaults.MaxSequencesPerRun} rows per run, {defaults.ConcurrentRuns} concurrent runs");

var results = new List<Measurement>();
var breakdown = new List<string>();
foreach (var threads in settings.Threads)
{
    var options = Options(threads);
    using var registry = new ModelRegistry(options, TimeProvider.System, NullLogger<ModelRegistry>.Instance);
    using var lease = registry.Acquire();
    if (lease.Model is not { } model)
    {
        Console.Error.WriteLine($"error: neural scorer unavailable: {lease.UnavailableReason}");
        return 2;
    }

    Console.WriteLine($"model {model.Version} on {model.ExecutionProvider}, {threads} ONNX Runtime thread(s); load average {LoadAverage()}");
    var scorer = Scorer(registry, options);
    scorer.Score(codes.Take(16).ToList()); // warm-up: first-run allocations and kernel selection
    var idsOf = codes.ToDictionary(c => c, c => model.Vocabulary.Ids(PythonTokenizer.Tokenize(c)), StringComparer.Ordinal); // candidates are distinct
    var ids = codes.Select(c => idsOf[c]).ToList();
    long Padded(IEnumerable<string> batch, ScorerOptions o) => BatchPlanner.PaddedTokens(Buckets(batch.Select(c => idsOf[c]).ToList(), o));
    IReadOnlyList<IReadOnlyList<TokenWindow>> Buckets(IReadOnlyList<int[]> sequences, ScorerOptions o) =>
        BatchPlanner.Bucket(BatchPlanner.Split(sequences, model.Manifest.Window), o.MaxTokensPerRun, o.MaxSequencesPerRun);

    results.Add(Measure(threads, "one at a time", 1, () => { foreach (var c in codes) { scorer.Score([c]); } }));
    results.Add(Measure(threads, $"one at a time, {Environment.ProcessorCount} callers at once", 1,
        () => Parallel.ForEach(codes, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, c => scorer.Score([c]))));
    foreach (var size in new[] { 8, 32, 64, 128 })
    {
        var batches = codes.Chunk(size).ToList();
        results.Add(Measure(threads, "batched", size, () => { foreach (var b in batches) { scorer.Score(b); } }, batches.Sum(b => Padded(b, options))));
    }

    var batches64 = codes.Chunk(64).ToList();
    var inTurn = Options(threads, o => o.ConcurrentRuns = 1);
    var inTurnScorer = Scorer(registry, inTurn);
    results.Add(Measure(threads, "batched, runs in turn", 64, () => { foreach (var b in batches64) { inTurnScorer.Score(b); } }, batches64.Sum(b => Padded(b, inTurn))));
    var wide = Options(threads, o => o.MaxSequencesPerRun = 128);
    var wideScorer = Scorer(registry, wide);
    results.Add(Measure(threads, "batched, up to 128 rows per run", 64, () => { foreach (var b in batches64) { wideScorer.Score(b); } }, batches64.Sum(b => Padded(b, wide))));
    List<int[]> ArrivalWindows(string[] batch) => BatchPlanner.Split(batch.Select(c => idsOf[c]).ToList(), model.Manifest.Window).Select(w => w.Ids).ToList();
    var arrival = batches64.Select(ArrivalWindows).ToList();
    results.Add(Measure(threads, "batched, arrival order (no buckets, one run)", 64, () => { foreach (var w in arrival) { model.Run(w); } }, arrival.Sum(w => (long)w.Count * w.Max(x => x.Length))));

    // Where the time goes: tokenizing alone, and ONNX Runtime alone on prepared windows, by rows per run.
    var tokenizing = Measure(threads, "tokenize + vocabulary, in turn", 0, () => { foreach (var c in codes) { model.Vocabulary.Ids(PythonTokenizer.Tokenize(c)); } });
    var tokenizingParallel = Measure(threads, "tokenize + vocabulary, parallel", 0, () => Parallel.ForEach(codes, c => model.Vocabulary.Ids(PythonTokenizer.Tokenize(c))));
    breakdown.Add($"| {threads} | tokenize + vocabulary (in turn / parallel) | {tokenizing.TokensPerSecond:0} / {tokenizingParallel.TokensPerSecond:0} |");
    foreach (var rows in new[] { 1, 8, 16, 32, 64, 128 })
    {
        var runs = Buckets(ids, Options(threads, o => o.MaxSequencesPerRun = rows)).Select(b => b.Select(w => w.Ids).ToList()).ToList();
        var alone = Measure(threads, "ort", rows, () => { foreach (var r in runs) { model.Run(r); } });
        var concurrent = Measure(threads, "ort", rows, () => Parallel.ForEach(runs, new ParallelOptions { MaxDegreeOfParallelism = defaults.ConcurrentRuns }, r => model.Run(r)));
        breakdown.Add($"| {threads} | ONNX Runtime only, {rows} rows per run (in turn / {defaults.ConcurrentRuns} at once) | {alone.TokensPerSecond:0} / {concurrent.TokensPerSecond:0} |");
    }
}

var baseline = results.Where(r => r.Mode == "one at a time").Max(r => r.TokensPerSecond);
Console.WriteLine();
Console.WriteLine($"Ratios are to the best one-at-a-time setting ({baseline:0} tokens/s).");
Console.WriteLine();
Console.WriteLine("| ORT threads | mode | batch | tokens/s | ms per candidate | padding | vs one at a time |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var r in results)
{
    var padding = r.PaddedTokens == 0 ? "-" : $"{(r.PaddedTokens - r.Tokens) * 100.0 / r.Tokens:0}%";
    Console.WriteLine($"| {r.Threads} | {r.Mode} | {r.BatchSize} | {r.TokensPerSecond:0} | {r.Seconds * 1000 / codes.Count:0.00} | {padding} | {r.TokensPerSecond / baseline:0.0}x |");
}

Console.WriteLine();
Console.WriteLine("| ORT threads | stage | tokens/s |");
Console.WriteLine("|---|---|---|");
breakdown.ForEach(Console.WriteLine);
return 0;

ScorerOptions Options(int threads, Action<ScorerOptions>? change = null)
{
    var options = new ScorerOptions
    {
        ModelsDirectory = settings.ModelsDirectory,
        IntraOpThreads = threads,
        Provider = settings.Cuda ? ExecutionProvider.Cuda : ExecutionProvider.Cpu,
    };
    change?.Invoke(options);
    return options;
}

static NeuralScorer Scorer(ModelRegistry registry, ScorerOptions options) => new(registry, options, NullLogger<NeuralScorer>.Instance);

Measurement Measure(int threads, string mode, int batchSize, Action run, long padded = 0)
{
    var best = double.MaxValue;
    for (var i = 0; i < settings.Repeat; i++)
    {
        var started = Stopwatch.GetTimestamp();
        run();
        best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    return new Measurement(threads, mode, batchSize, tokenCount, padded, best);
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
