using FleetCast.Dashboard.Shared;
using FleetCast.Server.Alerting;
using FleetCast.Server.Engine;
using FleetCast.Server.Options;
using FleetCast.Server.Storage;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Dashboard.Tabs.Routing;

/// <summary>Configured alert routes and the outbox's newest deliveries; re-read at most every
/// <see cref="StoreReadThrottle.Interval"/> while snapshots arrive.</summary>
public sealed partial class RoutingTab
{
    private RoutingModel? _model;
    private string? _unavailable;

    protected override async Task OnParametersSetAsync()
    {
        if (!Reads.Due)
        {
            return;
        }

        var router = Services.GetService<AlertRouter>();
        var outbox = Services.GetService<IOutboxStore>();
        var options = Services.GetService<AlertingOptions>();
        if (router is null || outbox is null || options is null)
        {
            _unavailable = "This server runs without alert routing (no outbox storage), so there are no routes or deliveries to show.";
            return;
        }

        await Reads.ReadAsync(() => RoutingModel.Create(router, outbox, options), model => _model = model);
    }

    private static string Takes(RouteStatus route)
    {
        var parts = new List<string> { route.MinLevel == "critical" ? "critical" : "warning and critical" };
        if (route.Profiles.Count > 0)
        {
            parts.Add("profiles " + string.Join(", ", route.Profiles));
        }

        if (route.Metrics.Count > 0)
        {
            parts.Add("metrics " + string.Join(", ", route.Metrics));
        }

        return string.Join("; ", parts);
    }

    private static string Status(OutboxDelivery delivery) => delivery.Status switch
    {
        OutboxDelivery.Delivered => $"delivered {DisplayFormat.DataTime(delivery.DeliveredAt!.Value)}",
        OutboxDelivery.Failed => $"failed {DisplayFormat.DataTime(delivery.FailedAt!.Value)}",
        _ => $"pending, next try {DisplayFormat.DataTime(delivery.NextAttemptAt)}",
    };
}
