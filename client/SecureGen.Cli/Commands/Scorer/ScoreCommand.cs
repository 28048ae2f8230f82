using System.CommandLine;
using Microsoft.Extensions.Logging;
using SecureGen.Cli.Output;
using SecureGen.Core.Scoring;
using Spectre.Console;

namespace SecureGen.Cli.Commands.Scorer;

/// <summary>`securegen scorer score FILE...`: mean token vulnerability score and the hottest lines of Python files.</summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Python files to score.", Arity = ArgumentArity.OneOrMore };
        var models = new Option<string?>("--models") { Description = "Models folder (default: models/ of the repository)." };
        var version = new Option<string?>("--model-version") { Description = "Model version folder (default: the 'current' pointer)." };
        var provider = new Option<ScorerProvider>("--provider") { Description = "cpu, cuda or auto (cuda and auto fall back to CPU with a warning).", DefaultValueFactory = _ => ScorerProvider.Cpu };
        var command = new Command("score", "Score Python files with the neural vulnerability scorer.") { files, models, version, provider };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(files)!;
            var missing = paths.FirstOrDefault(p => !File.Exists(p));
            if (missing is not null)
            {
                return CliError.Report($"file not found: '{missing}'");
            }

            using var loggers = LoggerFactory.Create(b => b.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning));
            var options = new ScorerOptions { ModelsDirectory = parse.GetValue(models), ModelVersion = parse.GetValue(version), Provider = parse.GetValue(provider) };
            using var registry = new ModelRegistry(options, TimeProvider.System, loggers.CreateLogger<ModelRegistry>());
            var scorer = new NeuralScorer(registry, options, loggers.CreateLogger<NeuralScorer>());
            var result = scorer.Score(paths.Select(File.ReadAllText).ToList());
            if (result.Scores is null)
            {
                return CliError.Report($"neural scorer unavailable: {result.UnavailableReason}");
            }

            var table = new Table().AddColumns("file", "model", "tokens", "mean", "hottest lines (line: max)");
            for (var i = 0; i < paths.Length; i++)
            {
                var score = result.Scores[i];
                var hot = score.LineMaxima.OrderByDescending(l => l.Max).Take(3).Select(l => $"{l.Line}: {l.Max:0.000}");
                table.AddRow(Markup.Escape(paths[i]), score.ModelVersion, $"{score.Tokens.Count}", score.Mean is { } m ? $"{m:0.0000}" : "-", string.Join(", ", hot));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
