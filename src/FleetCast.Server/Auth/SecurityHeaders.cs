using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FleetCast.Server.Auth;

/// <summary>Headers on every response, sign-in page and errors included: no MIME sniffing, no referrer
/// leaving the site, and no framing by another site (clickjacking). Responses carry the API's
/// Content-Security-Policy (framing only) unless the endpoint chose a page policy with <see cref="UsePagePolicy"/>.</summary>
public static class SecurityHeaders
{
    public static readonly IReadOnlyDictionary<string, string> Values = new Dictionary<string, string>
    {
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "same-origin",
        ["X-Frame-Options"] = "DENY",
        ["Content-Security-Policy"] = ContentSecurityPolicy.Api,
    };

    private static readonly object PagePolicyKey = new();

    /// <summary>Gives this response an HTML page's policy; call before the response starts.</summary>
    public static void UsePagePolicy(HttpContext context, IEnumerable<string>? scriptHashes = null, IEnumerable<string>? styleHashes = null) =>
        context.Items[PagePolicyKey] = ContentSecurityPolicy.ForPage(scriptHashes, styleHashes);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // At response start, so a response rewritten by the exception handler carries them too.
            context.Response.OnStarting(static state =>
            {
                var context = (HttpContext)state;
                var headers = context.Response.Headers;
                foreach (var (name, value) in Values)
                {
                    headers[name] = value;
                }

                if (context.Items.TryGetValue(PagePolicyKey, out var policy) && policy is string page)
                {
                    headers.ContentSecurityPolicy = page;
                }

                return Task.CompletedTask;
            }, context);
            return next(context);
        });
}
