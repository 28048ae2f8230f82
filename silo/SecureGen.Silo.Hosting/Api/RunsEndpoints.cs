using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans.Streams;
using SecureGen.Core.Metrics;
using SecureGen.Core.Reporting;
using SecureGen.Core.Tenancy;
using SecureGen.Grains.Interfaces;

namespace SecureGen.Silo.Hosting.Api;

/// <summary>The runs API: submit, list, status, live progress, outputs, faults, cancel; each tenant sees only its own runs.</summary>
public static class RunsEndpoints
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static IEndpointRouteBuilder MapSecureGenRuns(this IEndpointRouteBuilder app, TenantStore tenants)
    {
        var runs = app.MapGroup("/api/runs").AddEndpointFilter(new TenantKeyFilter(tenants, ApiErrorStyle.SecureGen)).WithTags(ApiTags.Tenant);
        runs.MapPost("/", SubmitAsync).WithSummary("Submit an evaluation run (dataset, strategies, samples, parameters, task and CWE filters)");
        runs.MapGet("/", ListAsync).WithSummary("List the caller's runs (an operator: every tenant's)");
        runs.MapGet("/{runId}", StatusAsync).WithSummary("A run's status: the run grain's counts and what the store holds");
        runs.MapGet("/{runId}/events", EventsAsync).WithSummary("Server-sent events: the run's status after each change, until it ends");
        runs.MapGet("/{runId}/results.jsonl", (string runId, HttpContext http, RunService service) => OutputAsync(runId, http, service, RunOutputWriter.ResultsFile)).WithSummary("The run's stored results, one JSON line per session");
        runs.MapGet("/{runId}/metrics", (string runId, HttpContext http, RunService service) => OutputAsync(runId, http, service, RunOutputWriter.MetricsFile)).WithSummary("The run's metrics (metrics.json) over what is stored");
        runs.MapGet("/{runId}/report.html", (string runId, HttpContext http, RunService service) => OutputAsync(runId, http, service, RunOutputWriter.HtmlFile)).WithSummary("The run's HTML report over what is stored");
        runs.MapGet("/{runId}/results.sarif", (string runId, HttpContext http, RunService service) => OutputAsync(runId, http, service, RunOutputWriter.SarifFile)).WithSummary("Every stored session's findings as one SARIF 2.1.0 log");
        runs.MapGet("/{runId}/faults", FaultsAsync).WithSummary("Sessions that failed on every attempt, and why");
        runs.MapPost("/{runId}/cancel", CancelAsync).WithSummary("Cancel a run: nothing more starts; sessions in flight finish and are kept");
        return app;
    }

    /// <summary>The body is read here, after the key filter, so a caller without a key learns nothing from body errors.</summary>
    private static async Task<IResult> SubmitAsync(HttpContext http, RunService service)
    {
        RunRequest? request;
        try
        {
            request = await http.Request.ReadFromJsonAsync<RunRequest>(http.RequestAborted);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return ApiErrors.Error(ApiErrorStyle.SecureGen, StatusCodes.Status400BadRequest, $"the body must be a JSON run request: {e.Message}", "invalid_request");
        }

        if (request is null)
        {
            return ApiErrors.Error(ApiErrorStyle.SecureGen, StatusCodes.Status400BadRequest, "the body must be a JSON run request", "invalid_request");
        }

        var admission = await service.SubmitEvalAsync(http.Tenant(), request, http.RequestAborted);
        if (admission.Problem is { } problem)
        {
            return ApiErrors.Error(ApiErrorStyle.SecureGen, StatusCodes.Status400BadRequest, problem, "invalid_request");
        }

        if (admission.Refusal is { } refusal)
        {
            return ApiErrors.TooMany(http, ApiErrorStyle.SecureGen, refusal.Message!, refusal.Limit!, refusal.RetryAfter);
        }

        return Results.Created($"/api/runs/{admission.RunId}", new { run_id = admission.RunId, sessions = admission.Sessions, skipped = admission.Skipped });
    }

    private static async Task<IResult> ListAsync(HttpContext http, RunService service)
    {
        var tenant = http.Tenant();
        var views = new List<RunView>();
        foreach (var run in await service.Tenants.ListRunsAsync(tenant.IsOperator ? null : tenant.Id, http.RequestAborted))
        {
            views.Add(RunView.Of(run, await service.StatusAsync(run, http.RequestAborted), null));
        }

        return Results.Ok(views);
    }

    private static async Task<IResult> StatusAsync(string runId, HttpContext http, RunService service)
    {
        if (await service.VisibleRunAsync(http.Tenant(), runId, http.RequestAborted) is not { } run)
        {
            return ApiErrors.NotFound(ApiErrorStyle.SecureGen, $"run '{runId}'");
        }

        var status = await service.StatusAsync(run, http.RequestAborted);
        return Results.Ok(RunView.Of(run, status, await service.Store.CountRunAsync(runId, http.RequestAborted)));
    }

    private static async Task<IResult> FaultsAsync(string runId, HttpContext http, RunService service)
    {
        if (await service.VisibleRunAsync(http.Tenant(), runId, http.RequestAborted) is null)
        {
            return ApiErrors.NotFound(ApiErrorStyle.SecureGen, $"run '{runId}'");
        }

        var faults = await service.Store.ListFaultsAsync(runId, http.RequestAborted);
        return Results.Ok(faults.Select(f => new { session_id = f.SessionId, reason = f.Reason, occurred_at = f.OccurredAt }));
    }

    private static async Task<IResult> CancelAsync(string runId, HttpContext http, RunService service)
    {
        if (await service.VisibleRunAsync(http.Tenant(), runId, http.RequestAborted) is not { } run)
        {
            return ApiErrors.NotFound(ApiErrorStyle.SecureGen, $"run '{runId}'");
        }

        var status = await service.CancelAsync(run, http.RequestAborted);
        return Results.Ok(RunView.Of(run, status, await service.Store.CountRunAsync(runId, http.RequestAborted)));
    }

    /// <summary>The same files `eval` writes, built from what the store holds right now (a run in progress gives what it has so far).</summary>
    private static async Task<IResult> OutputAsync(string runId, HttpContext http, RunService service, string file)
    {
        if (await service.VisibleRunAsync(http.Tenant(), runId, http.RequestAborted) is null)
        {
            return ApiErrors.NotFound(ApiErrorStyle.SecureGen, $"run '{runId}'");
        }

        var results = await service.Store.ListRunAsync(runId, http.RequestAborted);
        var ordered = results.OrderBy(r => r.TaskId, StringComparer.Ordinal).ThenBy(r => r.Strategy, StringComparer.Ordinal).ThenBy(r => r.SampleIndex).ToList();
        return file switch
        {
            RunOutputWriter.ResultsFile => Results.Text(string.Concat(ordered.Select(r => JsonSerializer.Serialize(r, ResultJson.Options) + "\n")), "application/x-ndjson", Encoding.UTF8),
            RunOutputWriter.MetricsFile => Results.Text(JsonSerializer.Serialize(RunMetrics.From(runId, ordered), ResultJson.Indented), "application/json", Encoding.UTF8),
            RunOutputWriter.HtmlFile => Results.Text(HtmlReportWriter.Write(RunMetrics.From(runId, ordered), ordered, "SARIF: results.sarif beside this report"), "text/html; charset=utf-8", Encoding.UTF8),
            _ => Results.Text(SessionSarifWriter.Serialize(ordered), "application/sarif+json", Encoding.UTF8),
        };
    }

    /// <summary>
    /// Live progress: every RunStatus the run grain publishes, and a poll of the grain each second, because a memory
    /// stream may drop events and a lost event must not leave a client waiting. Ends after the run has ended.
    /// </summary>
    private static async Task EventsAsync(string runId, HttpContext http, RunService service)
    {
        var cancellationToken = http.RequestAborted;
        if (await service.VisibleRunAsync(http.Tenant(), runId, cancellationToken) is not { } run)
        {
            await ApiErrors.NotFound(ApiErrorStyle.SecureGen, $"run '{runId}'").ExecuteAsync(http);
            return;
        }

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        var updates = Channel.CreateUnbounded<RunStatus>();
        var stream = service.Cluster.GetStreamProvider(StreamNames.Provider).GetStream<RunStatus>(StreamNames.RunProgress, runId);
        var subscription = await stream.SubscribeAsync((status, _) =>
        {
            updates.Writer.TryWrite(status);
            return Task.CompletedTask;
        });
        try
        {
            var last = await service.StatusAsync(run, cancellationToken);
            await WriteEventAsync(http, run, last, cancellationToken);
            while (!RunService.Ended(last) && !cancellationToken.IsCancellationRequested)
            {
                using var poll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                poll.CancelAfter(PollInterval);
                RunStatus next;
                try
                {
                    next = await updates.Reader.ReadAsync(poll.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    next = await service.StatusAsync(run, cancellationToken);
                }

                if (next != last)
                {
                    last = next;
                    await WriteEventAsync(http, run, last, cancellationToken);
                }
            }

            // The final word comes from the grain itself, after every session's end is recorded.
            await service.StatusAsync(run, cancellationToken);
            await http.Response.WriteAsync("event: end\ndata: {}\n\n", cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
        finally
        {
            await subscription.UnsubscribeAsync();
        }
    }

    private static async Task WriteEventAsync(HttpContext http, TenantRun run, RunStatus status, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(RunView.Of(run, status, null));
        await http.Response.WriteAsync($"event: status\ndata: {json}\n\n", cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
    }
}
