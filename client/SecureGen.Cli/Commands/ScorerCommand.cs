using System.CommandLine;
using SecureGen.Cli.Commands.Scorer;

namespace SecureGen.Cli.Commands;

/// <summary>`securegen scorer ...`: the neural vulnerability scorer's data, models and scoring.</summary>
internal static class ScorerCommand
{
    public static Command Create() =>
        new("scorer", "Neural vulnerability scorer (VUDENC-style): training data, bootstrapping, model versions, scoring.")
        {
            ExportDataCommand.Create(),
            BootstrapCommand.Create(),
            ScoreCommand.Create(),
            UseModelCommand.Create(),
        };
}
