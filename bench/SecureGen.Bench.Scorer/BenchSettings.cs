using System.Globalization;

namespace SecureGen.Bench.Scorer;

/// <summary>Command-line settings of the scorer bench.</summary>
internal sealed record BenchSettings(int Candidates, int Repeat, IReadOnlyList<int> Threads, bool Cuda, string? ModelsDirectory)
{
    public static BenchSettings Parse(string[] args)
    {
        var candidates = 512;
        var repeat = 3;
        IReadOnlyList<int> threads = Environment.ProcessorCount == 1 ? [1] : [1, Environment.ProcessorCount];
        var cuda = false;
        string? models = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--candidates": candidates = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--repeat": repeat = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--threads": threads = args[++i].Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToList(); break;
                case "--cuda": cuda = true; break;
                case "--models": models = args[++i]; break;
                default: throw new ArgumentException($"unknown option '{args[i]}' (use --candidates N --repeat N --threads N[,N...] --cuda --models DIR)");
            }
        }

        return new BenchSettings(candidates, repeat, threads, cuda, models);
    }
}
