using Microsoft.AspNetCore.Http;
using SecureGen.Core.Tenancy;

namespace SecureGen.Silo.Hosting.Api;

/// <summary>
/// Every API route sits behind this: `Authorization: Bearer KEY` (pages also take the key cookie) names a tenant, or
/// the request ends with 401. Missing and wrong keys get the same answer.
/// </summary>
public sealed class TenantKeyFilter(TenantStore tenants, ApiErrorStyle style, bool operatorOnly = false) : IEndpointFilter
{
    public const string KeyCookie = "securegen_key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var page = style == ApiErrorStyle.Page;
        var (key, fromQuery) = KeyOf(http.Request, page);
        var tenant = await tenants.AuthenticateAsync(key, http.RequestAborted);
        if (tenant is null)
        {
            if (style == ApiErrorStyle.Page)
            {
                return Results.Redirect(PageEndpoints.LoginPath + "?next=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
            }

            http.Response.Headers.WWWAuthenticate = "Bearer";
            return ApiErrors.Error(style, StatusCodes.Status401Unauthorized, "a valid API key is required: Authorization: Bearer KEY", "invalid_api_key");
        }

        if (operatorOnly && !tenant.IsOperator)
        {
            return style == ApiErrorStyle.Page
                ? Results.Content("<!doctype html><title>Operators only</title><p>This page needs an operator key.</p>", "text/html; charset=utf-8", statusCode: StatusCodes.Status403Forbidden)
                : ApiErrors.Error(style, StatusCodes.Status403Forbidden, "an operator key is required", "operator_only");
        }

        if (fromQuery)
        {
            // ?key= once: kept in a cookie, and the key leaves the address bar (and the browser history) at once.
            http.Response.Cookies.Append(KeyCookie, key!, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/" });
            return Results.Redirect(http.Request.Path);
        }

        http.SetTenant(tenant);
        return await next(context);
    }

    /// <summary>The bearer header; pages also the cookie, or ?key= once. API routes never take a cookie (no cross-site requests).</summary>
    private static (string? Key, bool FromQuery) KeyOf(HttpRequest request, bool page)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return (header["Bearer ".Length..].Trim(), false);
        }

        if (!page)
        {
            return (null, false);
        }

        var query = request.Query["key"].ToString();
        return query.Length > 0 ? (query, true) : (request.Cookies[KeyCookie], false);
    }
}
