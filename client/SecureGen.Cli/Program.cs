using System.CommandLine;
using SecureGen.Cli.Commands;

var root = new RootCommand("SecureGen Cluster: LLM code generation that is checked, ranked and repaired for security.");
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(SimulatorCommand.Create());
root.Subcommands.Add(SiloCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(CompareCommand.Create());
// SIGTERM/Ctrl+C cancel the command's token; a silo then drains within its own shutdown timeout,
// so the parser must not cut it off after its short default.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromMinutes(5) });
