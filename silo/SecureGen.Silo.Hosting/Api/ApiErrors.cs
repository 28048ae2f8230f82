using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace SecureGen.Silo.Hosting.Api;

/// <summary>Error replies: {"error": {...}} in both styles, OpenAI's with its type/param/code fields so its SDKs read them.</summary>
public static class ApiErrors
{
    public static IResult Error(ApiErrorStyle style, int status, string message, string code, string? param = null) => style == ApiErrorStyle.OpenAi
        ? Results.Json(new { error = new { message, type = OpenAiType(status), param, code } }, statusCode: status)
        : Results.Json(new { error = new { message, code, status } }, statusCode: status);

    public static IResult NotFound(ApiErrorStyle style, string what) => Error(style, StatusCodes.Status404NotFound, $"{what} not found", "not_found");

    public static IResult TooMany(HttpContext context, ApiErrorStyle style, string message, string limit, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Error(style, StatusCodes.Status429TooManyRequests, message, style == ApiErrorStyle.OpenAi ? "rate_limit_exceeded" : "quota_exceeded", limit);
    }

    private static string OpenAiType(int status) => status switch
    {
        401 => "authentication_error",
        404 => "not_found_error",
        429 => "rate_limit_error",
        >= 500 => "server_error",
        _ => "invalid_request_error",
    };
}
