using System.CommandLine;
using SecureGen.Cli.Commands;

var root = new RootCommand("SecureGen Cluster: LLM code generation that is checked, ranked and repaired for security.");
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(SimulatorCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(CompareCommand.Create());
return await root.Parse(args).InvokeAsync();
