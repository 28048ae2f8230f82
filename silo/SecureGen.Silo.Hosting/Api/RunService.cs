using SecureGen.Core.Benchmarks;
using SecureGen.Core.Benchmarks.Download;
using SecureGen.Core.Sessions;
using SecureGen.Core.Storage;
using SecureGen.Core.Strategies;
using SecureGen.Core.Tenancy;
using SecureGen.Grains.Interfaces;

namespace SecureGen.Silo.Hosting.Api;

/// <summary>
/// Submits runs for tenants (plan, quota, run grain) and reads their state back. A run stops counting against its
/// tenant's concurrent runs once its grain says it ended; that is checked whenever the tenant submits or looks.
/// </summary>
public sealed class RunService(IClusterClient cluster, TenantStore tenants, ISessionStore store, SiloSettings settings, ApiMetrics metrics, TimeProvider clock)
{
    public const string ChatKind = "chat";
    public const string EvalKind = "eval";

    public ISessionStore Store => store;

    public TenantStore Tenants => tenants;

    public string DefaultModel => settings.LlmModel;

    public async Task<RunAdmission> SubmitEvalAsync(Tenant tenant, RunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Samples is < 1 or > 100)
        {
            return Problem("samples must be between 1 and 100");
        }

        if (request.MaxInFlight < 1)
        {
            return Problem("max_in_flight must be at least 1");
        }

        var strategies = StrategyCatalog.Default.Expand(request.Strategies ?? []);
        if (strategies.Count == 0)
        {
            return Problem("strategies must name at least one strategy");
        }

        if (strategies.Select(StrategyCatalog.Default.Problem).FirstOrDefault(p => p is not null) is { } unknown)
        {
            return Problem(unknown);
        }

        var parameters = request.Parameters ?? new Dictionary<string, string>();
        if (StrategyParameters.Validate(parameters, strategies.SelectMany(StrategyCatalog.Default.ParametersOf).DistinctBy(p => p.Key).ToList()) is { } badParameter)
        {
            return Problem(badParameter);
        }

        IReadOnlyList<BenchmarkTask> tasks;
        try
        {
            using var downloader = new DatasetDownloader();
            // Tenants name a dataset, never a path on the server.
            var loaded = await DatasetCatalog.Default.LoadAsync(request.Dataset ?? "builtin", null, downloader, cancellationToken);
            tasks = new TaskFilter(request.Limit, request.Cwes ?? [], request.Tasks ?? []).Apply(loaded);
        }
        catch (Exception e) when (e is UnknownDatasetException or DatasetFormatException or DatasetDownloadException or TaskSelectionException)
        {
            return Problem(e.Message);
        }

        var runId = "run-" + Guid.NewGuid().ToString("N")[..16];
        var options = new RunPlanOptions(strategies, request.Samples, request.Seed, request.Temperature, request.MaxTokens, parameters.Count == 0 ? null : parameters, request.StorePrompts);
        var planned = RunPlan.Create(runId, tasks, options, request.Model ?? settings.LlmModel);
        // The tenant's sessions call its own endpoint with its own key, resolved at the call: only the reference travels.
        var plan = planned with { Sessions = planned.Sessions.Select(s => s with { Endpoint = TenantChatModels.ReferenceFor(tenant.Id) }).ToList() };
        if (plan.Sessions.Count == 0)
        {
            return Problem("the request plans no sessions (no task fits the filters and strategies)");
        }

        var description = $"{request.Dataset ?? "builtin"}: {string.Join(", ", strategies)} × {request.Samples}";
        return await AdmitAndStartAsync(tenant, new TenantRun(runId, tenant.Id, EvalKind, plan.Sessions.Count, description, clock.GetUtcNow(), true, false), new RunSubmission(plan.Sessions, request.MaxInFlight), plan.Skipped, cancellationToken);
    }

    /// <summary>Admits one prepared submission (the chat endpoint's single session, or an evaluation's plan).</summary>
    public async Task<RunAdmission> AdmitAndStartAsync(Tenant tenant, TenantRun run, RunSubmission submission, IReadOnlyList<string> skipped, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(submission);
        await RefreshActiveAsync(tenant.Id, cancellationToken);
        var decision = await tenants.TryAdmitAsync(tenant, run, clock.GetUtcNow(), cancellationToken);
        if (!decision.Admitted)
        {
            metrics.QuotaRejected(tenant.Id, decision.Limit!);
            return new RunAdmission(null, null, decision, skipped, run.Sessions);
        }

        await cluster.GetGrain<IRunGrain>(run.RunId).SubmitAsync(submission);
        return new RunAdmission(run.RunId, null, null, skipped, run.Sessions);
    }

    /// <summary>The run's owner record when the caller may see it; null (a 404) otherwise, also when it exists.</summary>
    public async Task<TenantRun?> VisibleRunAsync(Tenant tenant, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var run = await tenants.FindRunAsync(runId, cancellationToken);
        if (run is null && tenant.IsOperator)
        {
            // Runs submitted straight to the cluster (`eval --cluster`) have no owner; operators see them all the same.
            var status = await cluster.GetGrain<IRunGrain>(runId).GetStatusAsync();
            if (status.Planned > 0 || await store.CountRunAsync(runId, cancellationToken) > 0 || (await store.ListFaultsAsync(runId, cancellationToken)).Count > 0)
            {
                return new TenantRun(runId, UnownedTenant, EvalKind, status.Planned, "submitted to the cluster directly", status.SubmittedAt ?? clock.GetUtcNow(), false, status.Cancelled);
            }
        }

        return tenant.MaySee(run) ? run : null;
    }

    /// <summary>The owner shown for runs that did not come through the API.</summary>
    public const string UnownedTenant = "(cluster)";

    public async Task<RunStatus> StatusAsync(TenantRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var status = await cluster.GetGrain<IRunGrain>(run.RunId).GetStatusAsync();
        if (run.Active && (status.IsEnded || (status.Planned == 0 && clock.GetUtcNow() - run.SubmittedAt > LostAfter)))
        {
            await tenants.MarkEndedAsync(run.RunId, status.Cancelled, cancellationToken);
        }

        return status;
    }

    public async Task<RunStatus> CancelAsync(TenantRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var status = await cluster.GetGrain<IRunGrain>(run.RunId).CancelAsync();
        // A cancelled run stops counting at once: what is still in flight only finishes.
        await tenants.MarkEndedAsync(run.RunId, cancelled: true, cancellationToken);
        return status;
    }

    public IClusterClient Cluster => cluster;

    private async Task RefreshActiveAsync(string tenantId, CancellationToken cancellationToken)
    {
        foreach (var run in (await tenants.ListRunsAsync(tenantId, cancellationToken)).Where(r => r.Active))
        {
            await StatusAsync(run, cancellationToken);
        }
    }

    /// <summary>
    /// A run its grain does not know this long after admission lost its state (an embedded service restarted): it no
    /// longer counts. Before that it may just be admitted and not yet submitted, and must keep counting.
    /// </summary>
    private static readonly TimeSpan LostAfter = TimeSpan.FromMinutes(1);

    /// <summary>Ended, or unknown to the grain (an embedded service restarted and its memory state is gone): either way no longer running.</summary>
    public static bool Ended(RunStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.IsEnded || status.Planned == 0;
    }

    private static RunAdmission Problem(string message) => new(null, message, null, [], 0);
}
