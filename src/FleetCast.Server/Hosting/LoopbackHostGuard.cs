using System.Net;
using FleetCast.Server.Api;
using FleetCast.Server.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Hosting;

/// <summary>DNS-rebinding guard: a FleetCast bound to loopback without API keys answers only requests
/// addressed to a loopback name. A page on another site can point its own host name at 127.0.0.1 and so
/// reach an open FleetCast from a viewer's browser; its requests then carry that foreign name as Host.</summary>
public static class LoopbackHostGuard
{
    public static bool IsLoopbackBind(string bind) =>
        bind == "localhost" || (IPAddress.TryParse(bind, out var address) && IPAddress.IsLoopback(address));

    public static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    public static IApplicationBuilder UseLoopbackHostGuard(this IApplicationBuilder app, string bind)
    {
        if (!IsLoopbackBind(bind))
        {
            return app;
        }

        var keys = app.ApplicationServices.GetRequiredService<ApiKeyValidator>();
        return app.Use((context, next) =>
        {
            var host = context.Request.Host.Host;
            if (keys.Enabled || IsLoopbackHost(host))
            {
                return next(context);
            }

            return Problems.Of(ProblemTypes.HostNotAllowed,
                $"This FleetCast listens on loopback without API keys and answers only requests to localhost, 127.0.0.1 or [::1]; the request was for '{host}'. Configure API keys (--api-key-file) to serve other names.")
                .ExecuteAsync(context);
        });
    }
}
