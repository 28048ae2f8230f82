using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SecureGen.Cli.Eval;
using SecureGen.Cli.Generate;
using SecureGen.Cli.Output;
using SecureGen.Core.Reporting;
using SecureGen.Core.Sessions;
using Spectre.Console;

namespace SecureGen.Cli.Serve;

/// <summary>
/// `eval`, `generate` and `report` with --server URL --api-key KEY: the run goes to a SecureGen service (serve or an
/// api silo) under the tenant's key, and the same output files are written here from what the service stored.
/// </summary>
internal sealed class ServerClient : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly string[] EndedStates = ["finished", "cancelled", "ended"];
    private readonly HttpClient _http;

    public ServerClient(Uri server, string apiKey)
    {
        _http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromMinutes(15) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    /// <summary>The service address, or the one-line problem with the flags.</summary>
    public static (ServerClient? Client, string? Problem) Open(string? server, string? apiKey)
    {
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return (null, $"--server '{server}' is not an http(s) URL");
        }

        var key = apiKey ?? Environment.GetEnvironmentVariable("SECUREGEN_API_KEY");
        return string.IsNullOrEmpty(key) ? (null, "--server needs --api-key KEY (or SECUREGEN_API_KEY): the tenant's key from `securegen tenants add`") : (new ServerClient(uri, key), null);
    }

    public async Task<int> EvalAsync(EvalSettings settings, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        using var submitted = await _http.PostAsJsonAsync("/api/runs", new
        {
            dataset = settings.Dataset,
            strategies = settings.Strategies,
            samples = settings.Samples,
            parameters = settings.Parameters,
            tasks = settings.TaskIds,
            cwes = settings.Cwes,
            limit = settings.TaskLimit,
            seed = settings.Seed,
            temperature = settings.Temperature,
            max_tokens = settings.MaxTokens,
            model = settings.Model,
            store_prompts = settings.StorePrompts,
            max_in_flight = settings.Concurrency,
        }, cancellationToken);
        if (await ProblemAsync(submitted, cancellationToken) is { } problem)
        {
            return CliError.Report(problem);
        }

        var runId = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("run_id").GetString()!;
        console.MarkupLineInterpolated($"[grey]run {runId} submitted to {_http.BaseAddress}[/]");
        JsonElement status;
        var shown = string.Empty;
        while (true)
        {
            status = JsonDocument.Parse(await _http.GetStringAsync(new Uri($"/api/runs/{runId}", UriKind.Relative), cancellationToken)).RootElement;
            var line = $"{status.GetProperty("completed").GetInt32() + status.GetProperty("faulted").GetInt32()}/{status.GetProperty("planned").GetInt32()} sessions, {status.GetProperty("in_flight").GetInt32()} in flight";
            if (line != shown)
            {
                console.MarkupLineInterpolated($"[grey]{line}[/]");
                shown = line;
            }

            if (EndedStates.Contains(status.GetProperty("state").GetString()))
            {
                break;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        var count = await DownloadAsync(runId, settings.OutputDirectory, console, cancellationToken);
        return count > 0 && status.GetProperty("faulted").GetInt32() == 0 ? 0 : 1;
    }

    /// <summary>`report --server`: the run's stored results written as eval writes them.</summary>
    public async Task<int> ReportAsync(string runId, string directory, IAnsiConsole console, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri($"/api/runs/{Uri.EscapeDataString(runId)}", UriKind.Relative), cancellationToken);
        if (await ProblemAsync(response, cancellationToken) is { } problem)
        {
            return CliError.Report(problem);
        }

        Directory.CreateDirectory(directory);
        return await DownloadAsync(runId, directory, console, cancellationToken) > 0 ? 0 : CliError.Report($"run {runId} has no stored sessions yet");
    }

    /// <summary>`generate --server`: one chat completion of the strategy; the session's stored result gives the same output as a local run.</summary>
    public async Task<int> GenerateAsync(GenerateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prompt = await File.ReadAllTextAsync(request.PromptFile, cancellationToken);
        using var reply = await _http.PostAsJsonAsync("/v1/chat/completions", new
        {
            model = "securegen/" + request.Strategy + (request.Model is null ? string.Empty : ":" + request.Model),
            messages = new[] { new { role = "user", content = prompt } },
            cwe = request.Cwe,
            seed = request.Seed,
            temperature = request.Temperature,
            max_tokens = request.MaxTokens,
        }, cancellationToken);
        if (await ProblemAsync(reply, cancellationToken) is { } problem)
        {
            return CliError.Report(problem);
        }

        var extra = JsonDocument.Parse(await reply.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("securegen");
        var runId = extra.GetProperty("run_id").GetString()!;
        var results = await ResultsAsync(runId, cancellationToken);
        if (results.Count == 0)
        {
            return CliError.Report($"the service stored no result for session {extra.GetProperty("session_id").GetString()}");
        }

        var result = results[0];
        if (request.ResultJsonPath is not null)
        {
            await File.WriteAllTextAsync(request.ResultJsonPath, JsonSerializer.Serialize(result, ResultJson.Indented) + "\n", cancellationToken);
        }

        Console.Out.Write(result.FinalCode.EndsWith('\n') ? result.FinalCode : result.FinalCode + "\n");
        await Console.Error.WriteLineAsync($"{result.Strategy}: {result.Verdict} ({result.ChoiceReason}); {result.Candidates.Count} candidate(s), {result.LlmCalls.Count} LLM call(s){(result.Simulated ? ", simulated" : string.Empty)}; session {result.SessionId} on {_http.BaseAddress}");
        if (request.SarifPath is not null)
        {
            await SarifExport.WriteAsync(result, request.SarifPath, cancellationToken);
        }

        return 0;
    }

    public void Dispose() => _http.Dispose();

    private async Task<int> DownloadAsync(string runId, string directory, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var results = await ResultsAsync(runId, cancellationToken);
        var metrics = await RunOutputWriter.WriteAsync(directory, runId, results, cancellationToken);
        SummaryTable.Write(console, metrics, directory);
        return results.Count;
    }

    private async Task<IReadOnlyList<SessionResult>> ResultsAsync(string runId, CancellationToken cancellationToken)
    {
        var text = await _http.GetStringAsync(new Uri($"/api/runs/{Uri.EscapeDataString(runId)}/results.jsonl", UriKind.Relative), cancellationToken);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonSerializer.Deserialize<SessionResult>(l, ResultJson.Options)!).ToList();
    }

    /// <summary>The service's own error message for a refused request (401, 404, 429 with when to retry).</summary>
    private static async Task<string?> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        string message;
        try
        {
            message = JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("message").GetString() ?? body;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            message = body;
        }

        var retry = response.Headers.RetryAfter?.Delta is { } delta ? $" (retry after {delta.TotalSeconds:0} s)" : string.Empty;
        return $"the service answered {(int)response.StatusCode}: {message}{retry}";
    }
}
