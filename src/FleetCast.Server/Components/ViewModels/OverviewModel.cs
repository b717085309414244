using FleetCast.Core.Snapshots;

namespace FleetCast.Server.Components.ViewModels;

/// <summary>Everything the Overview tab shows, read from one snapshot.</summary>
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
    TimeSpan SnapshotAge,
    IReadOnlyList<RiskBar> TopServers,
    IReadOnlyList<AlertView> TopAlerts,
    int AlertCount)
{
    public const int TopServerCount = 20;

    public const int AlertRows = 10;

    /// <param name="now">Wall clock, only for the snapshot's age (how long ago it was computed).</param>
    public static OverviewModel From(FleetSnapshot snapshot, DateTimeOffset now)
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
            now - snapshot.ComputedAt,
            Ranking.Top(snapshot, summary.Top20, TopServerCount),
            AlertsQuery.Apply(snapshot.Alerts, AlertFilter.None, AlertSort.Default, AlertRows).Rows,
            snapshot.Alerts.Count);
    }
}
