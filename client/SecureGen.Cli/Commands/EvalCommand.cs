using System.CommandLine;
using SecureGen.Core.Analysis;
using SecureGen.Cli.Eval;
using SecureGen.Cli.Hosting;
using SecureGen.Cli.Output;
using SecureGen.Core.Strategies;
using Spectre.Console;

namespace SecureGen.Cli.Commands;

/// <summary>`securegen eval`: run strategies over a dataset and write results and metrics.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Dataset: builtin, securityeval, llmseceval, pythonsecurityeval, sallm, cweval, cyberseceval-instruct, cyberseceval-autocomplete.", DefaultValueFactory = _ => "builtin" };
        var datasetPath = new Option<string?>("--dataset-path") { Description = "Local copy of the dataset (file or folder). Without it a public dataset is downloaded into ~/.cache/securegen/datasets." };
        var strategy = new Option<string>("--strategy")
        {
            Description = "Strategy name, several separated by commas, a composite like seccoder+securecoder, or 'all'. Known: " + string.Join(", ", StrategyCatalog.Default.Names),
            DefaultValueFactory = _ => "baseline",
        };
        var samples = new Option<int>("--samples") { Description = "Sessions per (task, strategy).", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Output directory for results.jsonl, metrics.json and the run database.", Required = true };
        var endpoint = new Option<string?>("--endpoint") { Description = "OpenAI-compatible base URL (…/v1). Default: OPENAI_BASE_URL, else the in-process simulator." };
        var apiKey = new Option<string?>("--api-key") { Description = "API key (default: OPENAI_API_KEY)." };
        var model = new Option<string?>("--model") { Description = "Model name sent to the endpoint (default: the configuration's default_model, else the endpoint's model)." };
        var config = new Option<string?>("--config") { Description = "LLM configuration file (YAML or JSON): endpoints, limits, retries, prices, cache path." };
        var noCache = new Option<bool>("--no-cache") { Description = "Bypass the LLM response cache (neither read nor write it)." };
        var seed = new Option<long>("--seed") { Description = "Base seed; sample i uses seed + i.", DefaultValueFactory = _ => 1234 };
        var temperature = new Option<float>("--temperature") { DefaultValueFactory = _ => 0.8f };
        var maxTokens = new Option<int>("--max-tokens") { DefaultValueFactory = _ => 1024 };
        var tasks = new Option<int?>("--tasks") { Description = "Use only the first N tasks (after --cwe / --task-id)." };
        var concurrency = new Option<int>("--concurrency") { Description = "Sessions in flight at once.", DefaultValueFactory = _ => 16 };
        var cluster = new Option<string?>("--cluster")
        {
            Description = "Submit to a running cluster: its Redis address (host:port). Without a value: SECUREGEN_CLUSTER (exported by scripts/dev-cluster.sh up).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var db = new Option<string?>("--db") { Description = "With --cluster: the cluster's PostgreSQL (connection string or postgres:// URL); default SECUREGEN_DB." };
        var dashboard = new Option<int?>("--dashboard") { Description = "Serve the Orleans dashboard of the embedded silo on this loopback port during the run (http://127.0.0.1:PORT/dashboard)." };
        var workers = new Option<int>("--analysis-workers") { Description = "Persistent Python analysis workers.", DefaultValueFactory = _ => PythonWorkerOptions.DefaultWorkerCount };
        var server = new Option<string?>("--server") { Description = "Run on a SecureGen service (securegen serve or an api silo) at this URL; --api-key is then the tenant's key." };
        var strategyOptions = StrategyOptions.Create();

        var command = new Command("eval", "Evaluate generation strategies on a dataset.")
        {
            dataset, datasetPath, strategy, samples, output, endpoint, apiKey, model, config, noCache, seed, temperature, maxTokens, tasks, concurrency, workers, cluster, db, dashboard,
        };
        command.Options.Add(server);
        strategyOptions.AddTo(command);
        var runOptions = EvalRunOptions.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var endpointText = parse.GetValue(endpoint);
            Uri? endpointUri = null;
            if (!string.IsNullOrEmpty(endpointText) && (!Uri.TryCreate(endpointText, UriKind.Absolute, out endpointUri) || endpointUri.Scheme is not ("http" or "https")))
            {
                return CliError.Report($"--endpoint '{endpointText}' is not an http(s) URL");
            }

            var (parsed, problem) = strategyOptions.Parse(parse, [parse.GetValue(strategy)!]);
            if (parsed is null)
            {
                return CliError.Report(problem!);
            }

            var settings = new EvalSettings(
                parse.GetValue(dataset)!,
                parse.GetValue(datasetPath),
                parsed.Strategies,
                parse.GetValue(samples),
                Path.GetFullPath(parse.GetValue(output)!),
                endpointUri,
                parse.GetValue(apiKey),
                parse.GetValue(model),
                parse.GetValue(seed),
                parse.GetValue(temperature),
                parse.GetValue(maxTokens),
                parse.GetValue(tasks),
                parse.GetValue(concurrency),
                parse.GetValue(workers),
                parsed.Parameters,
                StorePrompts: !parse.GetValue(strategyOptions.NoStorePrompts),
                EmbeddingModel: parse.GetValue(strategyOptions.EmbeddingModel),
                Cluster: parse.GetResult(cluster) is null ? null : CliConfiguration.ClusterOr(parse.GetValue(cluster)) ?? string.Empty,
                Database: CliConfiguration.DatabaseOr(parse.GetValue(db)),
                ConfigPath: parse.GetValue(config),
                NoCache: parse.GetValue(noCache));
            if (settings.Cluster is { Length: 0 })
            {
                return CliError.Report($"--cluster without an address needs {CliConfiguration.ClusterVariable} (eval \"$(scripts/dev-cluster.sh up)\" exports it)");
            }

            settings = settings with { DashboardPort = parse.GetValue(dashboard) };
            var (selected, selectionProblem) = runOptions.Apply(parse, settings);
            if (selected is null)
            {
                return CliError.Report(selectionProblem!);
            }

            if (parse.GetValue(server) is { } serverUrl)
            {
                var (client, serverProblem) = Serve.ServerClient.Open(serverUrl, parse.GetValue(apiKey));
                if (client is null)
                {
                    return CliError.Report(serverProblem!);
                }

                using (client)
                {
                    return await client.EvalAsync(selected, AnsiConsole.Console, cancellationToken);
                }
            }

            return await EvalRunner.RunAsync(selected, AnsiConsole.Console, cancellationToken);
        });
        return command;
    }
}
