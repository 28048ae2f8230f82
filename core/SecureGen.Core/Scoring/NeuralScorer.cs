using Microsoft.Extensions.Logging;
using SecureGen.Onnx;

namespace SecureGen.Core.Scoring;

/// <summary>
/// The VUDENC-style scorer: tokenizes each piece of code, maps tokens to the model's vocabulary, cuts long
/// code into model windows, buckets windows by length and runs each bucket as one ONNX Runtime batch.
/// Fails closed: with no model, or when a run fails, it returns a reason and no scores.
/// </summary>
public sealed class NeuralScorer(ModelRegistry registry, ScorerOptions options, ILogger<NeuralScorer> logger) : ICodeScorer
{
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
            var tokens = codes.Select(PythonTokenizer.Tokenize).ToList();
            var ids = tokens.Select(model.Vocabulary.Ids).ToList();
            var probabilities = ids.Select(s => new float[s.Length]).ToArray();
            var windows = BatchPlanner.Split(ids, model.Manifest.Window);
            foreach (var bucket in BatchPlanner.Bucket(windows, options.MaxTokensPerRun, options.MaxSequencesPerRun))
            {
                var output = model.Run(bucket.Select(w => w.Ids).ToList());
                for (var i = 0; i < bucket.Count; i++)
                {
                    output[i].CopyTo(probabilities[bucket[i].Code], bucket[i].Offset);
                }
            }

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
}
