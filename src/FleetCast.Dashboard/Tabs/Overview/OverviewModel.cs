using FleetCast.Core.Snapshots;
using FleetCast.Dashboard.Shared;

namespace FleetCast.Dashboard.Tabs.Overview;

/// <summary>Everything the Overview tab shows from one snapshot, the same for every session (the
/// snapshot's age, which depends on the wall clock, is the tab's own).</summary>
public sealed record OverviewModel(
    long Version,
    int TotalServers,
    int ReadyServers,
    int StaleServers,
    IReadOnlyList<LevelCount> LevelCounts,
    double AvgRisk,
    double MaxRisk,
    double IncidentIndicator30m,
    double IncidentIndicator8h,
    string IndicatorMethod,
    IReadOnlyList<RiskBar> TopServers,
    IReadOnlyList<AlertView> TopAlerts,
    int AlertCount)
{
    public const int TopServerCount = 20;

    public const int AlertRows = 10;

    public static OverviewModel From(FleetSnapshot snapshot)
    {
        var summary = snapshot.Summary;
        var counts = LevelStyle.All
            .Select(style => new LevelCount(style, summary.LevelCounts.TryGetValue(style.WireName, out var n) ? n : 0))
            .ToArray();
        var environment = snapshot.Environment;
        return new OverviewModel(
            snapshot.Version,
            summary.TotalServers,
            summary.ReadyServers,
            summary.StaleServers,
            counts,
            summary.AvgRisk,
            summary.MaxRisk,
            environment.IncidentIndicator30m,
            environment.IncidentIndicator8h,
            environment.Method,
            Ranking.Top(snapshot, summary.Top20, TopServerCount),
            AlertsQuery.Apply(snapshot.Alerts, AlertFilter.None, AlertSort.Default, AlertRows).Rows,
            snapshot.Alerts.Count);
    }
}
