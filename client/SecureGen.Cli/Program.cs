using System.CommandLine;
using System.CommandLine.Invocation;
using SecureGen.Cli.Commands;
using SecureGen.Cli.Output;

var root = new RootCommand("SecureGen Cluster: LLM code generation that is checked, ranked and repaired for security.");
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(AnalyzeCommand.Create());
root.Subcommands.Add(SimulatorCommand.Create());
root.Subcommands.Add(SiloCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(CompareCommand.Create());
root.Subcommands.Add(ScorerCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(TenantsCommand.Create());
var parse = root.Parse(args);
if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
{
    // Bad usage is bad input like any other: one line and exit code 2 (analyze keeps 1 for "vulnerable").
    return CliError.Report($"{string.Join("; ", parse.Errors.Select(e => e.Message))} (see --help)");
}

// SIGTERM/Ctrl+C cancel the command's token; a silo then drains within its own shutdown timeout,
// so the parser must not cut it off after its short default.
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromMinutes(5) });
