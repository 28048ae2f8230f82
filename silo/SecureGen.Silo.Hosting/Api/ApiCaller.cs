using Microsoft.AspNetCore.Http;
using SecureGen.Core.Tenancy;

namespace SecureGen.Silo.Hosting.Api;

/// <summary>The authenticated tenant of a request, put there by <see cref="TenantKeyFilter"/>.</summary>
public static class ApiCaller
{
    private const string ItemKey = "securegen.tenant";

    public static Tenant Tenant(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[ItemKey] as Tenant ?? throw new InvalidOperationException("endpoint is not behind the tenant key filter");
    }

    internal static void SetTenant(this HttpContext context, Tenant tenant) => context.Items[ItemKey] = tenant;

    /// <summary>Whether the caller may see the run: its owner, or an operator. Anyone else is told the run does not exist.</summary>
    public static bool MaySee(this Tenant tenant, TenantRun? run) => run is not null && (tenant.IsOperator || run.TenantId == tenant.Id);
}
