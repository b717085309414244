using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FleetCast.Server.Hosting;

/// <summary>Headers on every response, sign-in page and errors included: no MIME sniffing, no referrer
/// leaving the site, and no framing by another site (clickjacking). The CSP carries only
/// <c>frame-ancestors</c>, so it restricts framing without limiting the dashboard's own scripts.</summary>
public static class SecurityHeaders
{
    public static readonly IReadOnlyDictionary<string, string> Values = new Dictionary<string, string>
    {
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "same-origin",
        ["X-Frame-Options"] = "DENY",
        ["Content-Security-Policy"] = "frame-ancestors 'none'",
    };

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // At response start, so a response rewritten by the exception handler carries them too.
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                foreach (var (name, value) in Values)
                {
                    headers[name] = value;
                }

                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
}
