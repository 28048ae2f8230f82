using System.Text.Json;
using SecureGen.Cli.Eval;
using SecureGen.Cli.Hosting;
using SecureGen.Cli.Output;
using SecureGen.Core.Benchmarks;
using SecureGen.Core.Reporting;
using SecureGen.Core.Sessions;

namespace SecureGen.Cli.Generate;

/// <summary>Runs one prompt session on the embedded silo: the chosen code goes to stdout, everything else to stderr.</summary>
internal static class GenerateRunner
{
    public static async Task<int> RunAsync(GenerateRequest request, CancellationToken cancellationToken)
    {
        SessionTask task;
        try
        {
            task = PromptFile.Read(request.PromptFile, request.Cwe);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return CliError.Report(e.Message);
        }

        var (llm, problem) = await LlmSetup.OpenAsync(new LlmChoice(request.Endpoint, request.Model, request.ApiKey, request.EmbeddingModel, request.ConfigPath, TimeSpan.Zero), cancellationToken);
        if (llm is null)
        {
            return CliError.Report(problem!);
        }

        var workDir = Directory.CreateTempSubdirectory("securegen-generate-").FullName;
        try
        {
            await using (llm)
            {
                if (llm.Simulator is { } simulator)
                {
                    await Console.Error.WriteLineAsync($"no --endpoint: using the in-process LLM simulator at {simulator.BaseUrl} (a test double, not a model)");
                }

                var runId = $"generate-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
                var input = new SessionInput(runId, SessionIds.For(runId, task.Id, request.Strategy, 0), task, request.Strategy, 0, request.Seed, llm.Model,
                    request.Temperature, request.MaxTokens, request.Parameters, request.StorePrompts);
                var progress = new RunProgress([input.SessionId]);
                var cluster = new ClusterSettings(llm.Configuration, Cache: null, request.AnalysisWorkers, 1, Path.Combine(workDir, EvalRunner.DatabaseFile), CodeBaseTasks(), CliConfiguration.Scorer());
                var results = await EmbeddedCluster.RunAsync(cluster, input.RunId, [input], progress, p => p.Completion.WaitAsync(cancellationToken), cancellationToken);
                if (progress.Faulted.Count > 0 || results.Count == 0)
                {
                    await Console.Error.WriteLineAsync($"error: the session failed: {string.Join("; ", progress.Faulted.Values)}");
                    return 1;
                }

                var result = results[0];
                if (request.ResultJsonPath is not null)
                {
                    await File.WriteAllTextAsync(request.ResultJsonPath, JsonSerializer.Serialize(result, ResultJson.Indented) + "\n", cancellationToken);
                }

                if (result.InfrastructureFailure is not null)
                {
                    await Console.Error.WriteLineAsync($"error: {result.InfrastructureFailure}");
                    return 1;
                }

                Console.Out.Write(result.FinalCode.EndsWith('\n') ? result.FinalCode : result.FinalCode + "\n");
                await Console.Error.WriteLineAsync($"{result.Strategy}: {result.Verdict} ({result.ChoiceReason}); {result.Candidates.Count} candidate(s), {result.LlmCalls.Count} LLM call(s){(result.Simulated ? ", simulated" : string.Empty)}");
                foreach (var reason in result.Reasons)
                {
                    await Console.Error.WriteLineAsync($"  {reason}");
                }

                if (request.SarifPath is not null)
                {
                    await SarifExport.WriteAsync(result, request.SarifPath, cancellationToken);
                }

                return 0;
            }
        }
        finally
        {
            Directory.Delete(workDir, recursive: true);
        }
    }

    /// <summary>The secure code base for a single prompt starts from the built-in benchmark's references, when it is present.</summary>
    private static IReadOnlyList<BenchmarkTask> CodeBaseTasks()
    {
        try
        {
            return new BuiltinDatasetLoader().Load(null);
        }
        catch (DatasetFormatException)
        {
            return [];
        }
    }
}
