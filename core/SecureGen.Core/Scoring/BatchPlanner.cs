namespace SecureGen.Core.Scoring;

/// <summary>
/// Turns many token sequences into few ONNX Runtime runs: sequences longer than the model window are cut
/// into windows, windows are sorted by length and packed greedily into buckets (the longest first sets
/// the width) within a token and a row budget per run; a window shorter than <see cref="MinFill"/> of a
/// bucket's width starts a new bucket. On CPU the LSTM's cost per step grows with the rows it carries and
/// its fixed cost per step is small, so padded rows cost nearly as much as real ones while an extra bucket
/// costs little: buckets are kept tight.
/// </summary>
public static class BatchPlanner
{
    /// <summary>The shortest window, as a share of the bucket's width, that may join a bucket (CPU's default).</summary>
    public const double MinFill = 0.85;

    public static IReadOnlyList<TokenWindow> Split(IReadOnlyList<int[]> sequences, int window)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var windows = new List<TokenWindow>();
        for (var code = 0; code < sequences.Count; code++)
        {
            var ids = sequences[code];
            for (var offset = 0; offset < ids.Length; offset += window)
            {
                windows.Add(new TokenWindow(code, offset, ids.AsMemory(offset, Math.Min(ids.Length, offset + window) - offset)));
            }
        }

        return windows;
    }

    /// <summary>Buckets for a provider's batching settings.</summary>
    public static IReadOnlyList<IReadOnlyList<TokenWindow>> Bucket(IReadOnlyList<TokenWindow> windows, ScorerBatching batching)
    {
        ArgumentNullException.ThrowIfNull(batching);
        return Bucket(windows, batching.MaxTokensPerRun, batching.MaxSequencesPerRun, batching.BucketMinFill);
    }

    public static IReadOnlyList<IReadOnlyList<TokenWindow>> Bucket(IReadOnlyList<TokenWindow> windows, int maxTokens, int maxSequences, double minFill = MinFill)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSequences, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minFill, 1);
        var buckets = new List<IReadOnlyList<TokenWindow>>();
        List<TokenWindow>? bucket = null;
        var width = 0;
        foreach (var w in windows.OrderByDescending(w => w.Ids.Length).ThenBy(w => w.Code).ThenBy(w => w.Offset))
        {
            if (bucket is null || bucket.Count >= maxSequences || (long)(bucket.Count + 1) * width > maxTokens || w.Ids.Length < width * minFill)
            {
                bucket = [];
                buckets.Add(bucket);
                width = w.Ids.Length;
            }

            bucket.Add(w);
        }

        return buckets;
    }

    /// <summary>Padded tokens the buckets will run, for measuring how much padding bucketing saves.</summary>
    public static long PaddedTokens(IEnumerable<IReadOnlyList<TokenWindow>> buckets) =>
        buckets.Sum(b => (long)b.Count * b.Max(w => w.Ids.Length));
}
