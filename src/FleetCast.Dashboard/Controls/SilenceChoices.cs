using FleetCast.Core.Snapshots;
using FleetCast.Server.Alerting;

namespace FleetCast.Dashboard.Controls;

/// <summary>The durations and scopes the dashboard offers when silencing from an alert row.</summary>
public static class SilenceChoices
{
    public static IReadOnlyList<(int Minutes, string Label)> Durations { get; } =
    [
        (60, "1 hour"),
        (240, "4 hours"),
        (1440, "24 hours"),
    ];

    public static int DefaultMinutes => Durations[0].Minutes;

    public static IReadOnlyList<(SilenceScope Scope, string Label)> Scopes(AlertView alert) =>
    [
        (SilenceScope.ServerAndMetric, $"{alert.Metric} on {alert.Server}"),
        (SilenceScope.Server, $"every metric on {alert.Server}"),
        (SilenceScope.Metric, $"{alert.Metric} on every server"),
    ];

    public static SilenceRequest Request(AlertView alert, SilenceScope scope, string? who, string? reason, int minutes) => new(
        scope == SilenceScope.Metric ? null : alert.Server,
        scope == SilenceScope.Server ? null : alert.Metric,
        who,
        reason,
        DurationMinutes: minutes);
}

public enum SilenceScope
{
    ServerAndMetric,
    Server,
    Metric,
}
