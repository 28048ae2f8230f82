using System.Globalization;
using SecureGen.Core.Scoring;

namespace SecureGen.Bench.Scorer;

/// <summary>Command-line settings of the scorer bench.</summary>
internal sealed record BenchSettings(int Candidates, int Repeat, IReadOnlyList<int> Threads, ScorerProvider Provider, string? ModelsDirectory)
{
    public static BenchSettings Parse(string[] args)
    {
        var candidates = 512;
        var repeat = 3;
        IReadOnlyList<int>? threads = null;
        var provider = ScorerProvider.Cpu;
        string? models = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--candidates": candidates = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--repeat": repeat = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--threads": threads = args[++i].Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToList(); break;
                case "--provider": provider = Enum.Parse<ScorerProvider>(args[++i], ignoreCase: true); break;
                case "--models": models = args[++i]; break;
                default: throw new ArgumentException($"unknown option '{args[i]}' (use --candidates N --repeat N --threads N[,N...] --provider cpu|cuda|auto --models DIR)");
            }
        }

        // On CPU the ONNX Runtime thread count is a real choice (1 vs all cores); on a GPU it only feeds the kernels: let ORT choose.
        threads ??= provider != ScorerProvider.Cpu ? [0] : Environment.ProcessorCount == 1 ? [1] : [1, Environment.ProcessorCount];
        return new BenchSettings(candidates, repeat, threads, provider, models);
    }
}
