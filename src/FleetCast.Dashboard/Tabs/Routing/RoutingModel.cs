using FleetCast.Server.Alerting;
using FleetCast.Server.Options;
using FleetCast.Server.Storage;

namespace FleetCast.Dashboard.Tabs.Routing;

/// <summary>The "Alerting &amp; routing" tab: the configured routes (no secrets) with their delivery
/// counts, and the newest deliveries of the outbox.</summary>
public sealed record RoutingModel(IReadOnlyList<RouteStatus> Routes, IReadOnlyList<OutboxDelivery> Recent, int RetentionHours)
{
    public const int RecentLimit = 25;

    /// <summary>How to add a route, shown when none is configured (environment variables of `fleetcast run`).</summary>
    public static readonly IReadOnlyList<string> ExampleConfiguration =
    [
        "FLEETCAST__ALERTING__ROUTES__0__NAME=alertmanager",
        "FLEETCAST__ALERTING__ROUTES__0__TYPE=alertmanager",
        "FLEETCAST__ALERTING__ROUTES__0__URL=http://127.0.0.1:9093",
        "FLEETCAST__ALERTING__ROUTES__0__MINLEVEL=warning",
        "FLEETCAST__ALERTING__ROUTES__1__NAME=oncall-webhook",
        "FLEETCAST__ALERTING__ROUTES__1__TYPE=webhook",
        "FLEETCAST__ALERTING__ROUTES__1__URL=https://hooks.example.com/fleetcast",
        "FLEETCAST__ALERTING__ROUTES__1__MINLEVEL=critical",
        "FLEETCAST__ALERTING__ROUTES__1__PROFILES=database,web_api",
        "FLEETCAST__ALERTING__ROUTES__1__BEARERTOKEN=...",
    ];

    public bool HasRoutes => Routes.Count > 0;

    public static RoutingModel Create(AlertRouter router, IOutboxStore outbox, AlertingOptions options)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(options);
        return new RoutingModel(RouteStatus.Create(router.Routes, outbox.Stats()), outbox.Recent(RecentLimit), options.RetentionHours);
    }
}
