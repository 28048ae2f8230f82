using SecureGen.Core.Benchmarks;

namespace SecureGen.Bench.Scorer;

/// <summary>
/// Realistic candidates: the built-in benchmark's secure and insecure references, each repeated with a small
/// distinct tail (as different samples of one task differ), in a shuffled but fixed arrival order.
/// </summary>
internal static class Workload
{
    public static IReadOnlyList<string> Candidates(int count)
    {
        var references = new BuiltinDatasetLoader().Load(null)
            .SelectMany(t => new[] { t.InsecureReference, t.SecureReference })
            .OfType<string>()
            .ToList();
        var random = new Random(20261121);
        return Enumerable.Range(0, count)
            .Select(i => references[i % references.Count] + $"\n\nSAMPLE_{i} = {random.Next(1000)}\n")
            .OrderBy(_ => random.Next())
            .ToList();
    }
}
