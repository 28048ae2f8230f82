using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;
using SecureGen.Core.Analysis;
using SecureGen.Core.Tenancy;
using SecureGen.Grains.Placement;

namespace SecureGen.Silo.Hosting.Api;

/// <summary>
/// The operators' runs page: runs by tenant with live progress (the page reloads itself while a run is active),
/// verdicts by strategy, LLM cost, faults, and the silos with their roles; one server-rendered page, no external
/// assets, operator key only (sent once as ?key= or through the login form, then kept in an HttpOnly cookie).
/// </summary>
public static class PageEndpoints
{
    public const string RunsPath = "/runs";
    public const string LoginPath = "/login";
    private const int RunsShown = 50;

    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:2em;color:#222} table{border-collapse:collapse;margin-bottom:2em}
        td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top} tr.tenant th{background:#eef}
        .secure{color:#070} .vulnerable{color:#b00} .unknown{color:#777} nav a{margin-right:1em}
        """;

    public static IEndpointRouteBuilder MapSecureGenPages(this IEndpointRouteBuilder app, TenantStore tenants)
    {
        app.MapGet(LoginPath, (string? next) => Results.Content(LoginPage(next, failed: false), "text/html; charset=utf-8")).WithTags(ApiTags.Public).WithSummary("Login form for the runs page");
        app.MapPost(LoginPath, LoginAsync).DisableAntiforgery().WithTags(ApiTags.Public).WithSummary("Checks an operator key and keeps it in a cookie");
        app.MapGet(RunsPath, RunsPageAsync).AddEndpointFilter(new TenantKeyFilter(tenants, ApiErrorStyle.Page, operatorOnly: true)).WithTags(ApiTags.Operator)
            .WithSummary("The operators' runs page (HTML)");
        return app;
    }

    private static async Task<IResult> LoginAsync(HttpContext http, TenantStore tenants)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var key = form["key"].ToString();
        var next = LocalPath(form["next"].ToString());
        var tenant = await tenants.AuthenticateAsync(key, http.RequestAborted);
        if (tenant is null || !tenant.IsOperator)
        {
            return Results.Content(LoginPage(next, failed: true), "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
        }

        http.Response.Cookies.Append(TenantKeyFilter.KeyCookie, key, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/" });
        return Results.Redirect(next);
    }

    /// <summary>Only a path on this server: a login link must not send the browser elsewhere.</summary>
    private static string LocalPath(string? next) =>
        !string.IsNullOrEmpty(next) && next.StartsWith('/') && !next.StartsWith("//", StringComparison.Ordinal) && !next.Contains('\\', StringComparison.Ordinal) ? next : RunsPath;

    private static async Task<IResult> RunsPageAsync(HttpContext http, RunService service, IClusterMembershipService membership, ISiloMetadataCache metadata)
    {
        var cancellationToken = http.RequestAborted;
        var runs = (await service.Tenants.ListRunsAsync(null, cancellationToken)).Take(RunsShown).ToList();
        var html = new StringBuilder();
        var anyActive = false;
        var rows = new StringBuilder();
        foreach (var group in runs.GroupBy(r => r.TenantId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            rows.Append(CultureInfo.InvariantCulture, $"<tr class=\"tenant\"><th colspan=\"8\">tenant {E(group.Key)}</th></tr>");
            foreach (var run in group)
            {
                var status = await service.StatusAsync(run, cancellationToken);
                anyActive |= !RunService.Ended(status);
                var results = await service.Store.ListRunAsync(run.RunId, cancellationToken);
                var faults = await service.Store.ListFaultsAsync(run.RunId, cancellationToken);
                var state = RunView.StateOf(status);
                var done = status.Planned == 0 ? 0 : 100.0 * status.Finished / status.Planned;
                var verdicts = string.Join("<br>", results.GroupBy(r => r.Strategy).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
                    $"{E(g.Key)}: <span class=\"secure\">{g.Count(r => r.Verdict == Verdict.Secure)} secure</span> / <span class=\"vulnerable\">{g.Count(r => r.Verdict == Verdict.Vulnerable)} vulnerable</span> / <span class=\"unknown\">{g.Count(r => r.Verdict == Verdict.Unknown)} unknown</span>"));
                var cost = results.Sum(r => r.Usage.CostUsd);
                rows.Append(CultureInfo.InvariantCulture, $"""
                    <tr data-run="{E(run.RunId)}" data-state="{state}"><td><code>{E(run.RunId)}</code><br><small>{E(run.Kind)}: {E(run.Description)}</small></td>
                    <td>{run.SubmittedAt:yyyy-MM-dd HH:mm:ss}Z</td><td class="state">{state}</td>
                    <td class="progress"><progress max="{status.Planned}" value="{status.Finished}"></progress> <span class="count">{status.Finished}/{status.Planned}</span> ({done:0}%)<br><small>{status.InFlight} in flight</small></td>
                    <td>{verdicts}</td><td>{status.Tokens} tokens<br>${cost:0.####}</td>
                    <td class="faults">{faults.Count}{string.Concat(faults.Take(3).Select(f => $"<br><small>{E(f.SessionId)}: {E(Truncate(f.Reason))}</small>"))}</td></tr>
                    """);
            }
        }

        var silos = new StringBuilder();
        foreach (var member in membership.CurrentSnapshot.Members.Values.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            var roles = metadata.GetSiloMetadata(member.SiloAddress).Metadata.GetValueOrDefault(SiloRole.MetadataKey) ?? "(unknown)";
            silos.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(member.Name)}</td><td><code>{E(member.SiloAddress.ToString())}</code></td><td>{member.Status}</td><td>{E(roles)}</td></tr>");
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>SecureGen runs</title>
            {(anyActive ? "<meta http-equiv=\"refresh\" content=\"2\">" : string.Empty)}
            <style>{Style}</style></head><body>
            <h1>SecureGen runs</h1>
            <nav><a href="{SiloApplicationExtensions.DashboardPath}">Orleans dashboard</a><a href="{OpenApiEndpoints.DocumentPath}">OpenAPI document</a></nav>
            <p id="live">{(anyActive ? "Runs in progress: this page refreshes every 2 seconds." : "No run in progress.")}</p>
            <h2>Runs by tenant</h2>
            <table id="runs"><tr><th>Run</th><th>Submitted</th><th>State</th><th>Progress</th><th>Verdicts by strategy</th><th>LLM</th><th>Faults</th></tr>
            {rows}</table>
            <h2>Silos</h2>
            <table id="silos"><tr><th>Name</th><th>Address</th><th>Status</th><th>Roles</th></tr>{silos}</table>
            </body></html>
            """);
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static string LoginPage(string? next, bool failed) => $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>SecureGen: operator login</title></head><body style="font-family:system-ui,sans-serif;margin:2em">
        <h1>SecureGen operators</h1>
        {(failed ? "<p style=\"color:#b00\">That is not an operator key.</p>" : string.Empty)}
        <form method="post" action="{LoginPath}"><input type="hidden" name="next" value="{E(LocalPath(next))}">
        <label>Operator API key <input type="password" name="key" autocomplete="off" size="50"></label> <button type="submit">Sign in</button></form>
        </body></html>
        """;

    private static string Truncate(string text) => text.Length <= 120 ? text : text[..120] + "…";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
