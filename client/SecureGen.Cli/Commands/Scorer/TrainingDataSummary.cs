using SecureGen.Core.Scoring.Training;
using Spectre.Console;

namespace SecureGen.Cli.Commands.Scorer;

/// <summary>Prints what a training set export holds.</summary>
internal static class TrainingDataSummary
{
    public static void Write(IAnsiConsole console, TrainingDataManifest manifest, string directory)
    {
        var table = new Table().AddColumns("source", "train", "val", "test", "groups", "tokens", "vulnerable tokens", "left out");
        foreach (var s in manifest.Sources)
        {
            table.AddRow(s.Source, $"{s.Train}", $"{s.Validation}", $"{s.Test}", $"{s.Groups}", $"{s.Tokens}", $"{s.VulnerableTokens}",
                s.Skipped > 0 ? $"{s.Skipped} ({s.SkipReason})" : "0");
        }

        console.Write(table);
        console.MarkupLineInterpolated($"vocabulary {manifest.VocabularySize} tokens; word2vec corpus {manifest.CorpusTokens} tokens from {manifest.CorpusFiles} files; {manifest.RefinementPairs} refinement pairs");
        console.MarkupLineInterpolated($"written to {directory}");
    }
}
