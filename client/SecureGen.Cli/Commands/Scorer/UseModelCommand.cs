using System.CommandLine;
using SecureGen.Cli.Output;
using SecureGen.Core.Scoring;

namespace SecureGen.Cli.Commands.Scorer;

/// <summary>`securegen scorer use VERSION`: points models/current at a version; silos following it switch without a restart.</summary>
internal static class UseModelCommand
{
    public static Command Create()
    {
        var version = new Argument<string>("version") { Description = "Model version folder name, e.g. vudenc-v2." };
        var models = new Option<string?>("--models") { Description = "Models folder (default: models/ of the repository)." };
        var command = new Command("use", "Make a model version the current one.") { version, models };
        command.SetAction(parse =>
        {
            var directory = parse.GetValue(models) ?? ScorerPaths.FindModelsDirectory();
            if (directory is null)
            {
                return CliError.Report("no models folder found; pass --models DIR");
            }

            try
            {
                var previous = ModelPointer.Read(directory);
                ModelPointer.Write(directory, parse.GetValue(version)!);
                Console.WriteLine($"current model: {parse.GetValue(version)} (was {previous ?? "none"}) in {directory}");
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or IOException)
            {
                return CliError.Report(e.Message);
            }
        });
        return command;
    }
}
