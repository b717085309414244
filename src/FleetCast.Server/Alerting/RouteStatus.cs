using FleetCast.Server.Storage;

namespace FleetCast.Server.Alerting;

/// <summary>A configured route as shown to people (API and dashboard): no secret, only whether one is
/// configured, and its delivery counts.</summary>
public sealed record RouteStatus(
    string Name,
    string Type,
    string Url,
    string MinLevel,
    IReadOnlyList<string> Profiles,
    IReadOnlyList<string> Metrics,
    string Auth,
    DeliveryStats Deliveries)
{
    public const string AuthConfigured = "configured";
    public const string AuthNone = "none";

    public static IReadOnlyList<RouteStatus> Create(IReadOnlyList<AlertRoute> routes, IReadOnlyList<DeliveryStats> stats)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(stats);
        var byName = stats.ToDictionary(s => s.Destination, StringComparer.Ordinal);
        return routes.Select(r => new RouteStatus(
            r.Name,
            r.Type,
            r.DisplayUrl,
            AlertText.SeverityName(r.MinSeverity),
            r.Profiles,
            r.Metrics,
            r.HasSecret ? AuthConfigured : AuthNone,
            byName.GetValueOrDefault(r.Name) ?? DeliveryStats.Empty(r.Name))).ToArray();
    }
}
