using System.CommandLine;
using SecureGen.Cli.Commands;

var root = new RootCommand("SecureGen Cluster: LLM code generation that is checked, ranked and repaired for security.");
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(SimulatorCommand.Create());
root.Subcommands.Add(ScorerCommand.Create());
return await root.Parse(args).InvokeAsync();
