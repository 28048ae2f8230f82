using System.CommandLine;
using SecureGen.Cli.Output;
using SecureGen.Cli.Reports;
using SecureGen.Core.Reporting;

namespace SecureGen.Cli.Commands;

/// <summary>`securegen compare DIR_A DIR_B`: per-strategy figures side by side and per-session verdict changes.</summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var before = new Argument<string>("DIR_A") { Description = "The first run's output folder." };
        var after = new Argument<string>("DIR_B") { Description = "The second run's output folder." };
        var output = new Option<string?>("--out") { Description = "Also write the comparison as Markdown to this file." };
        var limit = new Option<int>("--max-changes") { Description = "Verdict changes listed one by one.", DefaultValueFactory = _ => 50 };
        var command = new Command("compare", "Show what differs between two runs.") { before, after, output, limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var (runA, a) = await RunDirectory.LoadAsync(Path.GetFullPath(parse.GetValue(before)!), cancellationToken);
                var (runB, b) = await RunDirectory.LoadAsync(Path.GetFullPath(parse.GetValue(after)!), cancellationToken);
                var markdown = RunComparer.ToMarkdown(RunComparer.Compare(runA, a, runB, b), parse.GetValue(limit));
                Console.Out.Write(markdown);
                if (parse.GetValue(output) is { } file)
                {
                    await File.WriteAllTextAsync(file, markdown, cancellationToken);
                }

                return 0;
            }
            catch (InvalidDataException e)
            {
                return CliError.Report(e.Message);
            }
            catch (IOException e)
            {
                return CliError.Report(e.Message);
            }
        });
        return command;
    }
}
