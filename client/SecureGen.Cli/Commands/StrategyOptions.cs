using System.CommandLine;
using SecureGen.Cli.Eval;
using SecureGen.Core.Strategies;

namespace SecureGen.Cli.Commands;

/// <summary>The options every strategy-running command shares: parameters, prompt storage, embedding model.</summary>
internal sealed class StrategyOptions
{
    private StrategyOptions()
    {
    }

    public Option<string[]> Params { get; } = new("--param")
    {
        Description = "Strategy parameter key=value (repeatable): 'securecoder.n=5' for one strategy, 'n=5' for all that have it; '@FILE' reads the value from FILE (prompt templates).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string?> ParamsFile { get; } = new("--params-file") { Description = "JSON object of strategy parameters ({\"fdsp\": {\"k\": 2}} or {\"fdsp.k\": 2}); --param wins over it." };

    public Option<bool> NoStorePrompts { get; } = new("--no-store-prompts") { Description = "Keep only each prompt's SHA-256 in the session traces, not its text." };

    public Option<string?> EmbeddingModel { get; } = new("--embedding-model")
    {
        Description = "Embedding model for SecCoder's dense retriever (sent to the same endpoint).",
    };

    public static StrategyOptions Create() => new();

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Params);
        command.Options.Add(ParamsFile);
        command.Options.Add(NoStorePrompts);
        command.Options.Add(EmbeddingModel);
    }

    public (StrategyArguments.Parsed? Value, string? Problem) Parse(ParseResult parse, IEnumerable<string> strategies)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return StrategyArguments.Parse(StrategyCatalog.Default, strategies, parse.GetValue(ParamsFile), parse.GetValue(Params) ?? []);
    }
}
