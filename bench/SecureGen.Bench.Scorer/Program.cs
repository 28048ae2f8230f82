using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using SecureGen.Bench.Scorer;
using SecureGen.Core.Scoring;
using SecureGen.Onnx;

// Scores the same candidates one at a time and in batches of several sizes, in one process, and prints
// tokens per second side by side. Batches go through the same NeuralScorer the ScorerGrain uses (windows
// bucketed by length); "arrival order" pads each batch as it comes, to show what bucketing saves.
var settings = BenchSettings.Parse(args);
var options = new ScorerOptions
{
    ModelsDirectory = settings.ModelsDirectory,
    IntraOpThreads = settings.Threads,
    Provider = settings.Cuda ? ExecutionProvider.Cuda : ExecutionProvider.Cpu,
    MaxSequencesPerRun = 256,
    MaxTokensPerRun = 1 << 20,
};
using var registry = new ModelRegistry(options, TimeProvider.System, NullLogger<ModelRegistry>.Instance);
var scorer = new NeuralScorer(registry, options, NullLogger<NeuralScorer>.Instance);
using var lease = registry.Acquire();
if (lease.Model is not { } model)
{
    Console.Error.WriteLine($"error: neural scorer unavailable: {lease.UnavailableReason}");
    return 2;
}

var codes = Workload.Candidates(settings.Candidates);
var tokenCount = codes.Sum(c => (long)PythonTokenizer.Tokenize(c).Count);
Console.WriteLine($"model {model.Version} on {model.ExecutionProvider}; ONNX Runtime threads: {(settings.Threads == 0 ? "default" : settings.Threads)}; " +
    $"{Environment.ProcessorCount} cores; load average {LoadAverage()}");
Console.WriteLine($"{codes.Count} candidates, {tokenCount} tokens (mean {tokenCount / (double)codes.Count:0} per candidate), best of {settings.Repeat}");
scorer.Score(codes.Take(16).ToList()); // warm-up: first-run allocations and kernel selection

var results = new List<Measurement> { Measure("one at a time", 1, () => { foreach (var c in codes) { scorer.Score([c]); } }, tokenCount) };
foreach (var size in new[] { 8, 32, 64, 128 })
{
    var batches = codes.Chunk(size).ToList();
    var padded = batches.Sum(b => BatchPlanner.PaddedTokens(BatchPlanner.Bucket(BatchPlanner.Split(b.Select(c => model.Vocabulary.Ids(PythonTokenizer.Tokenize(c))).ToList(), model.Manifest.Window), options.MaxTokensPerRun, options.MaxSequencesPerRun)));
    results.Add(Measure("batched, length buckets", size, () => { foreach (var b in batches) { scorer.Score(b); } }, tokenCount, padded));
}

var arrivalBatches = codes.Chunk(64).ToList();
List<int[]> ArrivalWindows(string[] batch) => BatchPlanner.Split(batch.Select(c => model.Vocabulary.Ids(PythonTokenizer.Tokenize(c))).ToList(), model.Manifest.Window).Select(w => w.Ids).ToList();
var arrivalPadded = arrivalBatches.Select(ArrivalWindows).Sum(w => (long)w.Count * w.Max(x => x.Length));
results.Add(Measure("batched, arrival order", 64, () => { foreach (var b in arrivalBatches) { model.Run(ArrivalWindows(b)); } }, tokenCount, arrivalPadded));

var baseline = results[0].TokensPerSecond;
Console.WriteLine();
Console.WriteLine("| mode | batch | tokens/s | ms per candidate | padding | vs one at a time |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var r in results)
{
    var padding = r.PaddedTokens == 0 ? "-" : $"{(r.PaddedTokens - r.Tokens) * 100.0 / r.Tokens:0}%";
    Console.WriteLine($"| {r.Mode} | {r.BatchSize} | {r.TokensPerSecond:0} | {r.Seconds * 1000 / codes.Count:0.00} | {padding} | {r.TokensPerSecond / baseline:0.0}x |");
}

return 0;

Measurement Measure(string mode, int batchSize, Action run, long tokens, long padded = 0)
{
    var best = double.MaxValue;
    for (var i = 0; i < settings.Repeat; i++)
    {
        var started = Stopwatch.GetTimestamp();
        run();
        best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    return new Measurement(mode, batchSize, tokens, padded, best);
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
