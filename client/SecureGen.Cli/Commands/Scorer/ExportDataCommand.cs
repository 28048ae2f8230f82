using System.CommandLine;
using SecureGen.Cli.Output;
using SecureGen.Core.Benchmarks;
using SecureGen.Core.Scoring.Training;
using Spectre.Console;

namespace SecureGen.Cli.Commands.Scorer;

/// <summary>`securegen scorer export-data --out DIR`: tokenized, labeled, split training data for models/train.py.</summary>
internal static class ExportDataCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder to write train/val/test.jsonl, corpus.jsonl, vocab.json and manifest.json to.", Required = true };
        var runs = new Option<string[]>("--runs") { Description = "Run output folders whose results.jsonl refinement pairs to include.", AllowMultipleArgumentsPerToken = true };
        var shared = new TrainingDataOptions();
        var command = new Command("export-data", "Export token sequences with per-token labels from SVEN, CyberSecEval, the built-in benchmark and refinement pairs.") { output, runs };
        foreach (var option in shared.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            try
            {
                var runDirs = parse.GetValue(runs) ?? [];
                var pairs = RunResultsReader.ReadPairs(runDirs);
                var (request, problem) = shared.Build(parse, parse.GetValue(output)!, pairs);
                if (request is null)
                {
                    return CliError.Report(problem!);
                }

                var manifest = TrainingDataExporter.Export(request, TimeProvider.System, runDirs.Select(Path.GetFullPath).ToList());
                TrainingDataSummary.Write(AnsiConsole.Console, manifest, request.OutputDirectory);
                return 0;
            }
            catch (Exception e) when (e is DatasetFormatException or IOException or UnauthorizedAccessException)
            {
                return CliError.Report(e.Message);
            }
        });
        return command;
    }
}
