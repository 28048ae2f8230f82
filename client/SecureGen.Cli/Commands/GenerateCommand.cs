using System.CommandLine;
using SecureGen.Core.Analysis;
using SecureGen.Cli.Generate;
using SecureGen.Cli.Output;

namespace SecureGen.Cli.Commands;

/// <summary>`securegen generate`: one prompt through one strategy; prints the chosen code.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var promptFile = new Option<string>("--prompt-file") { Description = "The prompt: Python code to complete (a .py file or text with a def) or natural language.", Required = true };
        var strategy = new Option<string>("--strategy") { Description = "Strategy (or composite like seccoder+securecoder).", DefaultValueFactory = _ => "securecoder" };
        var sarif = new Option<string?>("--sarif") { Description = "Also write the chosen code's SARIF 2.1.0 report to this file." };
        var resultJson = new Option<string?>("--result-json") { Description = "Write the full session result (candidates, findings, trace) as JSON to this file." };
        var cwe = new Option<int?>("--cwe") { Description = "The CWE the prompt is prone to, when known (cwe-aware uses it)." };
        var endpoint = new Option<string?>("--endpoint") { Description = "OpenAI-compatible base URL (…/v1). Default: OPENAI_BASE_URL, else the in-process simulator." };
        var apiKey = new Option<string?>("--api-key") { Description = "API key (default: OPENAI_API_KEY)." };
        var model = new Option<string?>("--model") { Description = "Model name (default: the configuration's, else the endpoint's)." };
        var seed = new Option<long>("--seed") { DefaultValueFactory = _ => 1234 };
        var temperature = new Option<float>("--temperature") { DefaultValueFactory = _ => 0.8f };
        var maxTokens = new Option<int>("--max-tokens") { DefaultValueFactory = _ => 1024 };
        var workers = new Option<int>("--analysis-workers") { DefaultValueFactory = _ => PythonWorkerOptions.DefaultWorkerCount };
        var strategyOptions = StrategyOptions.Create();

        var command = new Command("generate", "Generate code for one prompt with a strategy and print the chosen candidate.")
        {
            promptFile, strategy, sarif, resultJson, cwe, endpoint, apiKey, model, seed, temperature, maxTokens, workers,
        };
        var server = new Option<string?>("--server") { Description = "Generate on a SecureGen service at this URL; --api-key is then the tenant's key." };
        command.Options.Add(server);
        strategyOptions.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(promptFile)!;
            if (!File.Exists(path))
            {
                return CliError.Report($"prompt file '{path}' does not exist");
            }

            var (parsed, problem) = strategyOptions.Parse(parse, [parse.GetValue(strategy)!]);
            if (parsed is null)
            {
                return CliError.Report(problem!);
            }

            if (parsed.Strategies.Count != 1)
            {
                return CliError.Report("generate runs exactly one strategy (a composite like seccoder+securecoder counts as one)");
            }

            var endpointText = parse.GetValue(endpoint) ?? Environment.GetEnvironmentVariable("OPENAI_BASE_URL");
            Uri? endpointUri = null;
            if (!string.IsNullOrEmpty(endpointText) && (!Uri.TryCreate(endpointText, UriKind.Absolute, out endpointUri) || endpointUri.Scheme is not ("http" or "https")))
            {
                return CliError.Report($"--endpoint '{endpointText}' is not an http(s) URL");
            }

            var request = new GenerateRequest(
                path, parsed.Strategies[0], parse.GetValue(cwe), parsed.Parameters, !parse.GetValue(strategyOptions.NoStorePrompts), endpointUri, parse.GetValue(apiKey),
                parse.GetValue(model), parse.GetValue(strategyOptions.EmbeddingModel), parse.GetValue(seed), parse.GetValue(temperature), parse.GetValue(maxTokens),
                parse.GetValue(workers), parse.GetValue(sarif), parse.GetValue(resultJson));
            if (parse.GetValue(server) is { } serverUrl)
            {
                var (client, serverProblem) = Serve.ServerClient.Open(serverUrl, parse.GetValue(apiKey));
                if (client is null)
                {
                    return CliError.Report(serverProblem!);
                }

                using (client)
                {
                    return await client.GenerateAsync(request, cancellationToken);
                }
            }

            return await GenerateRunner.RunAsync(request, cancellationToken);
        });
        return command;
    }
}
