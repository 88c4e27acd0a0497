using Microsoft.AspNetCore.Http;
using Urakata.Platform.Security;

namespace Urakata.Platform.Hosting;

/// <summary>Security headers on every response (ASVS 3.4) and the Blazor WebSocket origin check (ASVS 4.4.2).</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self' ws: wss:; frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'";

    // The API reference page loads its own inline bootstrap script.
    private const string ReferenceCsp =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'self'; base-uri 'self'; object-src 'none'";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase)
            && context.Request.Headers.Origin is { Count: > 0 } origin
            && !SameOrigin(origin.ToString(), context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers.XFrameOptions = "SAMEORIGIN";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        // A download endpoint may tighten this later in the request (CSP: sandbox).
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase) ? ReferenceCsp : Csp;
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase))
        {
            headers.CacheControl = "no-store";
        }
        await next(context);
    }

    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Fills <see cref="CurrentUser"/> from the authenticated principal for the rest of the request.</summary>
public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentUser currentUser)
    {
        currentUser.SetFrom(context.User, context.Connection.RemoteIpAddress?.ToString());
        return next(context);
    }
}
