using FleetCast.Core.Alerts;
using FleetCast.Core.Profiles;

namespace FleetCast.Dashboard.Shared;

/// <summary>Filters of the alerts table; null means "any".</summary>
/// <param name="Metric">Wire name of the metric.</param>
/// <param name="ServerContains">Case-insensitive part of the server name.</param>
public sealed record AlertFilter(AlertSeverity? Severity, ServerProfile? Profile, string? Metric, string? ServerContains)
{
    public static AlertFilter None { get; } = new(null, null, null, null);

    public static AlertFilter ForServer(string server) => None with { ServerContains = server };
}
