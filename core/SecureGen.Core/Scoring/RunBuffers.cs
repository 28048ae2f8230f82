using System.Collections.Concurrent;

namespace SecureGen.Core.Scoring;

/// <summary>
/// The input and output memory of one ONNX Runtime run, allocated pinned (on the pinned object heap) so ORT reads and
/// writes it in place with no copy and no pinning per run. A model keeps a pool of them: concurrent runs each rent
/// one, and a batch's runs reuse them, so scoring allocates no tensor memory per row or per run once warm.
/// </summary>
internal sealed class RunBuffers
{
    private RunBuffers(int rows, int tokens)
    {
        Ids = GC.AllocateUninitializedArray<long>(tokens, pinned: true);
        Lengths = GC.AllocateUninitializedArray<long>(rows, pinned: true);
        Probabilities = GC.AllocateUninitializedArray<float>(tokens, pinned: true);
    }

    public long[] Ids { get; }

    public long[] Lengths { get; }

    public float[] Probabilities { get; }

    public bool Fits(int rows, int tokens) => Lengths.Length >= rows && Ids.Length >= tokens;

    /// <summary>Buffers shared by a model's runs; one grows (is replaced by a larger one) only when a run needs more.</summary>
    internal sealed class Pool
    {
        private readonly ConcurrentBag<RunBuffers> _free = [];

        public RunBuffers Rent(int rows, int tokens)
        {
            if (_free.TryTake(out var buffers) && buffers.Fits(rows, tokens))
            {
                return buffers;
            }

            var grownRows = Math.Max(rows, buffers?.Lengths.Length ?? 0);
            var grownTokens = Math.Max(tokens, buffers?.Ids.Length ?? 0);
            return new RunBuffers(grownRows, grownTokens);
        }

        public void Return(RunBuffers buffers) => _free.Add(buffers);
    }
}
