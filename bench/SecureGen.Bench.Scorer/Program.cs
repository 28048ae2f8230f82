using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SecureGen.Bench.Scorer;
using SecureGen.Core.Scoring;

// Scores the same candidates one at a time and in batches, in one process, under each ONNX Runtime thread setting,
// and prints tokens per second side by side. Batches go through the same NeuralScorer the scorer grain uses, with the
// batching of the provider the model actually runs on. Extra rows take one design choice away at a time (concurrent
// runs, the rows-per-run cap, length buckets), and a breakdown shows where a batch's time goes (tokenizing versus
// ONNX Runtime). The old binding's recorded figures are printed beside the new ones.
var settings = BenchSettings.Parse(args);
var codes = Workload.Candidates(settings.Candidates);
var tokenCount = codes.Sum(c => (long)PythonTokenizer.Tokenize(c).Count);
using var loggers = LoggerFactory.Create(b => b.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning));
Console.WriteLine($"{codes.Count} candidates, {tokenCount} tokens (mean {tokenCount / (double)codes.Count:0} per candidate), best of {settings.Repeat}; " +
    $"{Environment.ProcessorCount} cores; provider requested: {settings.Provider.ToString().ToLowerInvariant()}; ONNX Runtime providers in this build: {string.Join(", ", OnnxSessionFactory.AvailableProviders)}");

var results = new List<Measurement>();
var breakdown = new List<string>();
var ortRatios = new List<double>();
var providerUsed = "none";
foreach (var threads in settings.Threads)
{
    var options = Options(threads);
    using var registry = new ModelRegistry(options, TimeProvider.System, loggers.CreateLogger<ModelRegistry>());
    using var lease = registry.Acquire();
    if (lease.Model is not { } model)
    {
        Console.Error.WriteLine($"error: neural scorer unavailable: {lease.UnavailableReason}");
        return 2;
    }

    providerUsed = model.ExecutionProvider;
    var batching = options.BatchingFor(model.ExecutionProvider);
    Console.WriteLine($"model {model.Version} on {model.ExecutionProvider} (provider actually used), {(threads == 0 ? "ORT's choice of" : threads)} ONNX Runtime thread(s); " +
        $"batching: {batching.MaxSequencesPerRun} rows per run, {batching.ConcurrentRuns} concurrent runs, bucket fill {batching.BucketMinFill}; load average {LoadAverage()}");
    var scorer = Scorer(registry, options);
    scorer.Score(codes.Take(64).ToList()); // warm-up: first-run allocations, kernel selection, pooled buffers
    var idsOf = codes.ToDictionary(c => c, c => model.Vocabulary.Ids(PythonTokenizer.Tokenize(c)), StringComparer.Ordinal); // candidates are distinct
    var ids = codes.Select(c => idsOf[c]).ToList();
    long Padded(IEnumerable<string> batch, ScorerBatching b) => BatchPlanner.PaddedTokens(Buckets(batch.Select(c => idsOf[c]).ToList(), b));
    IReadOnlyList<IReadOnlyList<TokenWindow>> Buckets(IReadOnlyList<int[]> sequences, ScorerBatching b) =>
        BatchPlanner.Bucket(BatchPlanner.Split(sequences, model.Manifest.Window), b);

    results.Add(Measure(threads, "one at a time", 1, () => { foreach (var c in codes) { scorer.Score([c]); } }));
    results.Add(Measure(threads, $"one at a time, {Environment.ProcessorCount} callers at once", 1,
        () => Parallel.ForEach(codes, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, c => scorer.Score([c]))));
    var onGpu = model.ExecutionProvider == OnnxSessionFactory.CudaProvider;
    foreach (var size in onGpu ? new[] { 8, 64, 256, 512 } : [8, 32, 64, 128])
    {
        var batches = codes.Chunk(size).ToList();
        results.Add(Measure(threads, "batched", size, () => { foreach (var b in batches) { scorer.Score(b); } }, batches.Sum(b => Padded(b, batching))));
    }

    var large = onGpu ? 256 : 64;
    var batchesLarge = codes.Chunk(large).ToList();
    var inTurn = Options(threads, b => b with { ConcurrentRuns = 1 });
    var inTurnScorer = Scorer(registry, inTurn);
    results.Add(Measure(threads, "batched, runs in turn", large, () => { foreach (var b in batchesLarge) { inTurnScorer.Score(b); } }, batchesLarge.Sum(b => Padded(b, inTurn.BatchingFor(providerUsed)))));
    var otherRows = onGpu ? 16 : 128;
    var rowsChanged = Options(threads, b => b with { MaxSequencesPerRun = otherRows });
    var rowsScorer = Scorer(registry, rowsChanged);
    results.Add(Measure(threads, $"batched, up to {otherRows} rows per run", large, () => { foreach (var b in batchesLarge) { rowsScorer.Score(b); } }, batchesLarge.Sum(b => Padded(b, rowsChanged.BatchingFor(providerUsed)))));
    List<int[]> ArrivalWindows(string[] batch) => BatchPlanner.Split(batch.Select(c => idsOf[c]).ToList(), model.Manifest.Window).Select(w => w.Ids.ToArray()).ToList();
    var arrival = batchesLarge.Select(ArrivalWindows).ToList();
    results.Add(Measure(threads, "batched, arrival order (no buckets, one run)", large, () => { foreach (var w in arrival) { model.Run(w); } }, arrival.Sum(w => (long)w.Count * w.Max(x => x.Length))));

    // Where the time goes: tokenizing alone, and ONNX Runtime alone on prepared windows, by rows per run.
    var tokenizing = Measure(threads, "tokenize + vocabulary, in turn", 0, () => { foreach (var c in codes) { model.Vocabulary.Ids(PythonTokenizer.Tokenize(c)); } });
    var tokenizingParallel = Measure(threads, "tokenize + vocabulary, parallel", 0, () => Parallel.ForEach(codes, c => model.Vocabulary.Ids(PythonTokenizer.Tokenize(c))));
    breakdown.Add($"| {threads} | tokenize + vocabulary (in turn / parallel) | {tokenizing.TokensPerSecond:0} / {tokenizingParallel.TokensPerSecond:0} |");
    var oneRow = 0.0;
    var bestOrt = 0.0;
    foreach (var rows in onGpu ? new[] { 1, 16, 64, 128, 256, 512 } : [1, 8, 16, 32, 64, 128])
    {
        var runs = Buckets(ids, batching with { MaxSequencesPerRun = rows }).Select(b => b.Select(w => w.Ids.ToArray()).ToList()).ToList();
        var alone = Measure(threads, "ort", rows, () => { foreach (var r in runs) { model.Run(r); } });
        var concurrent = Measure(threads, "ort", rows, () => Parallel.ForEach(runs, new ParallelOptions { MaxDegreeOfParallelism = batching.ConcurrentRuns }, r => model.Run(r)));
        oneRow = rows == 1 ? alone.TokensPerSecond : oneRow;
        bestOrt = Math.Max(bestOrt, Math.Max(alone.TokensPerSecond, concurrent.TokensPerSecond));
        breakdown.Add($"| {threads} | ONNX Runtime only, {rows} rows per run (in turn / {batching.ConcurrentRuns} at once) | {alone.TokensPerSecond:0} / {concurrent.TokensPerSecond:0} |");
    }

    ortRatios.Add(bestOrt / oneRow);
}

var baseline = results.Where(r => r.Mode == "one at a time").Max(r => r.TokensPerSecond);
var bestBatched = results.Where(r => r.Mode == "batched").MaxBy(r => r.TokensPerSecond)!;
Console.WriteLine();
Console.WriteLine($"Ratios are to the best one-at-a-time setting ({baseline:0} tokens/s). Provider actually used: {providerUsed}.");
Console.WriteLine();
Console.WriteLine("| ORT threads | mode | batch | tokens/s | ms per candidate | padding | vs one at a time |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var r in results)
{
    var padding = r.PaddedTokens == 0 ? "-" : $"{(r.PaddedTokens - r.Tokens) * 100.0 / r.Tokens:0}%";
    Console.WriteLine($"| {Threads(r.Threads)} | {r.Mode} | {r.BatchSize} | {r.TokensPerSecond:0} | {r.Seconds * 1000 / codes.Count:0.00} | {padding} | {r.TokensPerSecond / baseline:0.0}x |");
}

Console.WriteLine();
Console.WriteLine("| ORT threads | stage | tokens/s |");
Console.WriteLine("|---|---|---|");
breakdown.ForEach(Console.WriteLine);
Console.WriteLine();
Console.WriteLine("| build | measure | figure |");
Console.WriteLine("|---|---|---|");
Console.WriteLine($"| this run: official package, {providerUsed}, {Environment.ProcessorCount} cores | one at a time | {baseline:0} tokens/s |");
Console.WriteLine($"| this run | batched (best: batch {bestBatched.BatchSize}, {Threads(bestBatched.Threads)} threads) | {bestBatched.TokensPerSecond:0} tokens/s |");
Console.WriteLine($"| this run | batched vs one at a time, end to end | {bestBatched.TokensPerSecond / baseline:0.0}x |");
Console.WriteLine($"| this run | ONNX Runtime alone, best rows and concurrency vs one row | {string.Join(" / ", ortRatios.Select(r => $"{r:0.0}x"))} |");
RecordedFigures.Lines.ToList().ForEach(Console.WriteLine);
Console.WriteLine();
// One line for scripts (bench/gpu-check.sh) to put runs side by side.
Console.WriteLine($"summary provider={providerUsed} one_at_a_time={baseline:0} batched={bestBatched.TokensPerSecond:0} batch={bestBatched.BatchSize} ratio={bestBatched.TokensPerSecond / baseline:0.00}");
return 0;

ScorerOptions Options(int threads, Func<ScorerBatching, ScorerBatching>? change = null)
{
    var options = new ScorerOptions { ModelsDirectory = settings.ModelsDirectory, IntraOpThreads = threads, Provider = settings.Provider };
    if (change is not null)
    {
        options.CpuBatching = change(options.CpuBatching);
        options.CudaBatching = change(options.CudaBatching);
    }

    return options;
}

NeuralScorer Scorer(ModelRegistry registry, ScorerOptions options) => new(registry, options, loggers.CreateLogger<NeuralScorer>());

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

static string Threads(int threads) => threads == 0 ? "auto" : $"{threads}";

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
