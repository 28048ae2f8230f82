using System.CommandLine;
using SecureGen.Cli.Output;
using SecureGen.Core.Benchmarks;
using SecureGen.Core.Scoring;
using SecureGen.Core.Scoring.Training;
using Spectre.Console;

namespace SecureGen.Cli.Commands.Scorer;

/// <summary>
/// `securegen scorer bootstrap --runs DIR...`: gathers refinement pairs from finished runs, adds them to those
/// of the newest training set version, and writes the next version (models/data/vN) for retraining.
/// </summary>
internal static class BootstrapCommand
{
    public static Command Create()
    {
        var runs = new Option<string[]>("--runs") { Description = "Finished run folders (each with results.jsonl).", Required = true, AllowMultipleArgumentsPerToken = true };
        var dataRoot = new Option<string?>("--data-root") { Description = "Folder of training set versions v1, v2, ... (default: models/data)." };
        var shared = new TrainingDataOptions();
        var command = new Command("bootstrap", "Gather refinement pairs from runs into a new training set version.") { runs, dataRoot };
        foreach (var option in shared.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            try
            {
                var root = parse.GetValue(dataRoot) ?? DefaultDataRoot();
                if (root is null)
                {
                    return CliError.Report("no repository found for the default data root; pass --data-root DIR");
                }

                var runDirs = parse.GetValue(runs)!.Select(Path.GetFullPath).ToList();
                var gathered = RunResultsReader.ReadPairs(runDirs);
                var previous = TrainingSetVersions.Latest(root);
                var carried = previous is null ? [] : TrainingSetVersions.ReadPairs(previous);
                var all = carried.Concat(gathered).DistinctBy(p => p.Key).ToList();
                var next = TrainingSetVersions.Next(root);
                var (request, problem) = shared.Build(parse, next, all);
                if (request is null)
                {
                    return CliError.Report(problem!);
                }

                var manifest = TrainingDataExporter.Export(request, TimeProvider.System, runDirs, previous is null ? null : Path.GetFileName(previous));
                var console = AnsiConsole.Console;
                console.MarkupLineInterpolated($"{gathered.Count} refinement pairs from {runDirs.Count} run(s); {carried.Count} carried over from {previous ?? "no previous version"}; {all.Count} in the new version");
                TrainingDataSummary.Write(console, manifest, next);
                console.MarkupLineInterpolated($"next: /usr/bin/python3 models/train.py --data {next} --out models/vudenc-{Path.GetFileName(next)}, then securegen scorer use vudenc-{Path.GetFileName(next)}");
                return 0;
            }
            catch (Exception e) when (e is DatasetFormatException or IOException or UnauthorizedAccessException)
            {
                return CliError.Report(e.Message);
            }
        });
        return command;
    }

    private static string? DefaultDataRoot()
    {
        var repo = ScorerPaths.FindRepositoryRoot();
        return repo is null ? null : Path.Combine(repo, "models", "data");
    }
}
