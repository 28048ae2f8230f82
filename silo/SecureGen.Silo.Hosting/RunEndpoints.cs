using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SecureGen.Core.Storage;

namespace SecureGen.Silo.Hosting;

/// <summary>What operators ask of a run: how many sessions are stored, and which ones failed and why.</summary>
public static class RunEndpoints
{
    public static IEndpointRouteBuilder MapSecureGenRunApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/runs/{runId}", async (string runId, ISessionStore store, CancellationToken cancellationToken) =>
            Results.Ok(new
            {
                run_id = runId,
                sessions_stored = await store.CountRunAsync(runId, cancellationToken),
                faults = (await store.ListFaultsAsync(runId, cancellationToken)).Count,
            }));
        app.MapGet("/api/runs/{runId}/faults", async (string runId, ISessionStore store, CancellationToken cancellationToken) =>
            Results.Ok((await store.ListFaultsAsync(runId, cancellationToken)).Select(f => new { session_id = f.SessionId, reason = f.Reason, occurred_at = f.OccurredAt })));
        return app;
    }
}
