using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SecureGen.Core.Tenancy;

namespace SecureGen.Silo.Hosting.Api;

/// <summary>Tenants as the API shows them: quota and LLM endpoint, the LLM key only as "redacted". Tenants are added with `securegen tenants add`.</summary>
public static class TenantsEndpoints
{
    public const string Redacted = "(redacted)";

    public static IEndpointRouteBuilder MapSecureGenTenants(this IEndpointRouteBuilder app, TenantStore tenants)
    {
        var group = app.MapGroup("/api/tenants").AddEndpointFilter(new TenantKeyFilter(tenants, ApiErrorStyle.SecureGen)).WithTags(ApiTags.Tenant);
        group.MapGet("/me", (HttpContext http) => Results.Ok(View(http.Tenant()))).WithSummary("The caller's tenant: quota, LLM endpoint (key redacted)");
        group.MapGet("/", async (HttpContext http, TenantStore store) => http.Tenant().IsOperator
            ? Results.Ok((await store.ListAsync(http.RequestAborted)).Select(View))
            : Results.Ok(new[] { View(http.Tenant()) })).WithSummary("Tenants the caller may see (an operator: all)");
        group.MapGet("/{tenantId}", async (string tenantId, HttpContext http, TenantStore store) =>
        {
            var caller = http.Tenant();
            var tenant = caller.IsOperator || caller.Id == tenantId ? await store.FindAsync(tenantId, http.RequestAborted) : null;
            return tenant is null ? ApiErrors.NotFound(ApiErrorStyle.SecureGen, $"tenant '{tenantId}'") : Results.Ok(View(tenant));
        }).WithSummary("One tenant (itself, or any for an operator)");
        return app;
    }

    private static object View(Tenant tenant) => new
    {
        tenant = tenant.Id,
        @operator = tenant.IsOperator,
        quota = new { concurrent_runs = tenant.Quota.ConcurrentRuns, sessions_per_day = tenant.Quota.SessionsPerDay, tokens_per_day = tenant.Quota.TokensPerDay },
        llm_endpoint = tenant.LlmEndpoint?.ToString(),
        llm_api_key = tenant.HasLlmApiKey ? Redacted : null,
        created_at = tenant.CreatedAt,
    };
}
