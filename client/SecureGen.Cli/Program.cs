using System.CommandLine;
using System.CommandLine.Invocation;
using SecureGen.Cli.Commands;
using SecureGen.Cli.Output;

var root = new RootCommand("SecureGen Cluster: LLM code generation that is checked, ranked and repaired for security.");
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(AnalyzeCommand.Create());
root.Subcommands.Add(SimulatorCommand.Create());
var parse = root.Parse(args);
if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
{
    // Bad usage is bad input like any other: one line and exit code 2 (analyze keeps 1 for "vulnerable").
    return CliError.Report($"{string.Join("; ", parse.Errors.Select(e => e.Message))} (see --help)");
}

return await parse.InvokeAsync();
