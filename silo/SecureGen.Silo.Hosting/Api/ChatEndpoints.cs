using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans.Streams;
using SecureGen.Core.Reporting;
using SecureGen.Core.Sessions;
using SecureGen.Core.Strategies;
using SecureGen.Core.Tenancy;
using SecureGen.Grains.Interfaces;

namespace SecureGen.Silo.Hosting.Api;

/// <summary>
/// OpenAI's chat completions and models, so any OpenAI client gets security-checked code: the last user message is
/// the prompt, one session of the model's strategy runs through the cluster, and the reply carries its chosen code,
/// with the verdict, findings, SARIF and session id in a top-level "securegen" object.
/// </summary>
public static class ChatEndpoints
{
    /// <summary>Bodies above this are refused with 413 before they are parsed.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    // The session's end arrives on its run's session-completed stream; this poll of the run grain is the fallback.
    private static readonly TimeSpan FallbackPollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SessionTimeout = TimeSpan.FromMinutes(10);

    public static IEndpointRouteBuilder MapSecureGenChat(this IEndpointRouteBuilder app, TenantStore tenants)
    {
        var group = app.MapGroup("/v1").AddEndpointFilter(new TenantKeyFilter(tenants, ApiErrorStyle.OpenAi)).WithTags(ApiTags.OpenAi);
        group.MapGet("/models", () => Results.Ok(new
        {
            @object = "list",
            data = ChatStrategies().Select(s => new { id = ChatModel.Prefix + s, @object = "model", created = 0, owned_by = "securegen" }),
        })).WithSummary("The strategies as OpenAI models (securegen/STRATEGY; add :UPSTREAM to pick the upstream model)");
        group.MapPost("/chat/completions", CompleteAsync).WithSummary("OpenAI chat completion: one secure-generation session; stream: true sends chat.completion.chunk events");
        return app;
    }

    private static IEnumerable<string> ChatStrategies() =>
        StrategyCatalog.Default.Names.Where(n => ChatModel.Parse(ChatModel.Prefix + n, StrategyCatalog.Default).Model is not null);

    private static async Task CompleteAsync(HttpContext http, RunService service)
    {
        var (request, error) = await ReadRequestAsync(http);
        if (error is not null)
        {
            await error.ExecuteAsync(http);
            return;
        }

        var tenant = http.Tenant();
        var runId = "chat-" + Guid.NewGuid().ToString("N")[..16];
        var task = new SessionTask("chat", "chat", request!.Prompt, null, null, request.Cwe);
        var sessionId = SessionIds.For(runId, task.Id, request.Model.Strategy, 0);
        var input = new SessionInput(runId, sessionId, task, request.Model.Strategy, 0, request.Seed, request.Model.Upstream ?? service.DefaultModel,
            request.Temperature, request.MaxTokens, Endpoint: TenantChatModels.ReferenceFor(tenant.Id));
        // Subscribed before the session starts, so its end cannot be missed; the poll only backs up a lost event.
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = await service.Cluster.GetStreamProvider(StreamNames.Provider)
            .GetStream<SessionCompleted>(StreamNames.SessionCompleted, runId)
            .SubscribeAsync((_, _) =>
            {
                ended.TrySetResult();
                return Task.CompletedTask;
            });
        try
        {
            var admission = await service.AdmitAndStartAsync(tenant, new TenantRun(runId, tenant.Id, RunService.ChatKind, 1, request.Model.Name, DateTimeOffset.UtcNow, true, false),
                new RunSubmission([input], 1), [], http.RequestAborted);
            if (admission.Refusal is { } refusal)
            {
                await ApiErrors.TooMany(http, ApiErrorStyle.OpenAi, refusal.Message!, refusal.Limit!, refusal.RetryAfter).ExecuteAsync(http);
                return;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
            timeout.CancelAfter(SessionTimeout);
            var run = service.Cluster.GetGrain<IRunGrain>(runId);
            while (!(await run.GetStatusAsync()).IsEnded)
            {
                // After the event the grain has been told (the session reports to it first); only polls are left.
                await (ended.Task.IsCompleted
                    ? Task.Delay(FallbackPollInterval, timeout.Token)
                    : Task.WhenAny(ended.Task, Task.Delay(FallbackPollInterval, timeout.Token)));
                timeout.Token.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            await subscription.UnsubscribeAsync();
        }

        await service.Tenants.MarkEndedAsync(runId, cancelled: false, http.RequestAborted);
        var result = await service.Store.FindAsync(sessionId, http.RequestAborted);
        if (result is null || result.InfrastructureFailure is not null)
        {
            var faults = await service.Store.ListFaultsAsync(runId, http.RequestAborted);
            var reason = result?.InfrastructureFailure ?? (faults.Count > 0 ? faults[0].Reason : "the session ended without a result");
            await ApiErrors.Error(ApiErrorStyle.OpenAi, StatusCodes.Status502BadGateway, $"the session failed: {reason}", "session_failed").ExecuteAsync(http);
            return;
        }

        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var extra = Extra(result, request.Model);
        if (!request.Stream)
        {
            await Results.Json(new JsonObject
            {
                ["id"] = "chatcmpl-" + sessionId,
                ["object"] = "chat.completion",
                ["created"] = created,
                ["model"] = request.Model.Name,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = result.FinalCode },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = Usage(result),
                ["securegen"] = extra,
            }).ExecuteAsync(http);
            return;
        }

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        var id = "chatcmpl-" + sessionId;
        await WriteChunkAsync(http, Chunk(id, created, request.Model, new JsonObject { ["role"] = "assistant", ["content"] = string.Empty }, null));
        foreach (var piece in Pieces(result.FinalCode))
        {
            await WriteChunkAsync(http, Chunk(id, created, request.Model, new JsonObject { ["content"] = piece }, null));
        }

        var last = Chunk(id, created, request.Model, new JsonObject(), "stop");
        last["usage"] = Usage(result);
        last["securegen"] = extra;
        await WriteChunkAsync(http, last);
        await http.Response.WriteAsync("data: [DONE]\n\n", http.RequestAborted);
    }

    /// <summary>The code in line-sized deltas, as a model would stream it.</summary>
    private static IEnumerable<string> Pieces(string code)
    {
        var start = 0;
        while (start < code.Length)
        {
            var end = code.IndexOf('\n', start);
            end = end < 0 ? code.Length : end + 1;
            yield return code[start..end];
            start = end;
        }
    }

    private static JsonObject Chunk(string id, long created, ChatModel model, JsonObject delta, string? finishReason) => new()
    {
        ["id"] = id,
        ["object"] = "chat.completion.chunk",
        ["created"] = created,
        ["model"] = model.Name,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
    };

    private static async Task WriteChunkAsync(HttpContext http, JsonObject chunk)
    {
        await http.Response.WriteAsync("data: " + chunk.ToJsonString() + "\n\n", http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }

    private static JsonObject Usage(SessionResult result)
    {
        var usage = result.Usage;
        return new JsonObject { ["prompt_tokens"] = usage.PromptTokens, ["completion_tokens"] = usage.CompletionTokens, ["total_tokens"] = usage.PromptTokens + usage.CompletionTokens };
    }

    private static JsonObject Extra(SessionResult result, ChatModel model) => new()
    {
        ["session_id"] = result.SessionId,
        ["run_id"] = result.RunId,
        ["strategy"] = model.Strategy,
        ["upstream_model"] = result.Model,
        ["verdict"] = result.Verdict.ToString().ToLowerInvariant(),
        ["judge"] = result.Judge,
        ["reasons"] = JsonSerializer.SerializeToNode(result.Reasons, ResultJson.Options),
        ["findings"] = JsonSerializer.SerializeToNode(result.Findings, ResultJson.Options),
        ["sarif"] = JsonNode.Parse(SessionSarifWriter.Serialize([result])),
        ["simulated"] = result.Simulated,
        ["cost_usd"] = result.Usage.CostUsd,
    };

    private static async Task<(ChatRequest? Request, IResult? Error)> ReadRequestAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return (null, TooLarge());
            }
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.ToArray());
        }
        catch (JsonException e)
        {
            return (null, Bad($"the body is not JSON: {e.Message}", null));
        }

        using (document)
        {
            return ChatRequest.Read(document.RootElement);
        }
    }

    private static IResult TooLarge() => ApiErrors.Error(ApiErrorStyle.OpenAi, StatusCodes.Status413PayloadTooLarge,
        $"the request is larger than {MaxBodyBytes / 1024} KiB; send a shorter prompt", "request_too_large", "messages");

    internal static IResult Bad(string message, string? param) => ApiErrors.Error(ApiErrorStyle.OpenAi, StatusCodes.Status400BadRequest, message, "invalid_request", param);
}
