using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace SecureGen.Core.Scoring;

/// <summary>
/// The VUDENC-style scorer: tokenizes each piece of code, maps tokens to the model's vocabulary, cuts long
/// code into model windows, buckets windows by length and runs each bucket as one ONNX Runtime batch, with the
/// batching settings of the provider the model runs on. Fails closed: with no model, or when a run fails, it
/// returns a reason and no scores.
/// </summary>
public sealed class NeuralScorer(ModelRegistry registry, ScorerOptions options, ILogger<NeuralScorer> logger) : ICodeScorer
{
    /// <summary>
    /// The batching for the provider the current model runs on (the requested provider's while none is loaded):
    /// what the scorer grain reads for its batch size and wait.
    /// </summary>
    public ScorerBatching Batching
    {
        get
        {
            using var lease = registry.Acquire();
            return lease.Model is { } model
                ? options.BatchingFor(model.ExecutionProvider)
                : options.Provider == ScorerProvider.Cpu ? options.CpuBatching : options.CudaBatching;
        }
    }

    public ScoringResult Score(IReadOnlyList<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        using var lease = registry.Acquire();
        if (lease.Model is not { } model)
        {
            return ScoringResult.Unavailable(lease.UnavailableReason ?? "no model");
        }

        try
        {
            // Codes are independent, so a batch tokenizes them in parallel (a small share of its time; docs/scorer.md).
            var tokens = new IReadOnlyList<CodeToken>[codes.Count];
            var ids = new int[codes.Count][];
            ForEach(Enumerable.Range(0, codes.Count).ToList(), Environment.ProcessorCount, c =>
            {
                tokens[c] = PythonTokenizer.Tokenize(codes[c]);
                ids[c] = model.Vocabulary.Ids(tokens[c]);
            });

            var batching = options.BatchingFor(model.ExecutionProvider);
            var probabilities = ids.Select(s => new float[s.Length]).ToArray();
            var buckets = BatchPlanner.Bucket(BatchPlanner.Split(ids, model.Manifest.Window), batching);
            // Each window owns its own slice of its code's probabilities, so concurrent runs never write the same element.
            ForEach(buckets, batching.ConcurrentRuns, bucket => model.Run(bucket, probabilities));

            var scores = new List<CodeScore>(codes.Count);
            for (var c = 0; c < codes.Count; c++)
            {
                scores.Add(new CodeScore(model.Version, tokens[c].Select((t, i) => new TokenScore(t.Text, t.Line, probabilities[c][i])).ToList()));
            }

            return new ScoringResult(scores, null);
        }
        catch (OnnxRuntimeException e)
        {
            ScorerLog.BatchFailed(logger, e.Message);
            return ScoringResult.Unavailable($"model {model.Version} failed: {e.Message}");
        }
    }

    /// <summary>
    /// Parallel for many items, inline for one (handing it to another thread only adds latency). Either way a failed
    /// run surfaces as ONNX Runtime's own exception, not wrapped.
    /// </summary>
    private static void ForEach<T>(IReadOnlyList<T> items, int parallelism, Action<T> body)
    {
        if (items.Count == 1 || parallelism <= 1)
        {
            foreach (var item in items)
            {
                body(item);
            }

            return;
        }

        try
        {
            Parallel.ForEach(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, body);
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.OfType<OnnxRuntimeException>().FirstOrDefault() is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }
}
