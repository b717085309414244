using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FleetCast.Server.Hosting;

/// <summary>A minimal page at "/" until the Blazor dashboard is wired in (swap this file's call in
/// <see cref="FleetCastHost"/> for MapFleetCastDashboard).</summary>
public static class PlaceholderDashboard
{
    private const string Html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>FleetCast</title>
        <style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:40rem;color:#1f2937}a{color:#2563eb}</style></head>
        <body><h1>FleetCast</h1>
        <p>Predictive monitoring for a fleet of servers. The API is running.</p>
        <ul>
        <li><a href="/api/v1/fleet">/api/v1/fleet</a> — the current fleet snapshot</li>
        <li><a href="/api/v1/status">/api/v1/status</a> — warm-up, forecaster, ingest rate</li>
        <li><a href="/api/v1/alerts">/api/v1/alerts</a> — active alerts</li>
        <li><a href="/openapi/v1.json">/openapi/v1.json</a> — OpenAPI document</li>
        <li><a href="/metrics">/metrics</a> — Prometheus metrics</li>
        </ul></body></html>
        """;

    public static IEndpointConventionBuilder MapPlaceholderDashboard(this IEndpointRouteBuilder app) =>
        app.MapGet("/", () => TypedResults.Content(Html, "text/html; charset=utf-8")).ExcludeFromDescription();
}
