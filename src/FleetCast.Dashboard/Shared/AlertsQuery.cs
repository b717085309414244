using FleetCast.Core.Snapshots;

namespace FleetCast.Dashboard.Shared;

/// <summary>Filtering and sorting of the snapshot's active alerts for the tables.</summary>
public static class AlertsQuery
{
    // A page of rows: the table is re-rendered on every snapshot, so hundreds of rows would cost
    // every session much more than they show (the tab offers more on request).
    public const int DefaultRowLimit = 50;

    public static AlertsTableModel Apply(IReadOnlyList<AlertView> alerts, AlertFilter filter, AlertSort sort, int rowLimit = DefaultRowLimit)
    {
        var matching = alerts.Where(a => Matches(a, filter));
        var ordered = Order(matching, sort).ToArray();
        var metrics = alerts.SelectMany(a => a.Metrics).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return new AlertsTableModel(ordered.Take(rowLimit).ToArray(), ordered.Length, alerts.Count, metrics);
    }

    private static bool Matches(AlertView alert, AlertFilter filter) =>
        (filter.Severity is not { } severity || alert.Severity == severity)
        && (filter.Profile is not { } profile || alert.Profile == profile)
        && (string.IsNullOrEmpty(filter.Metric) || alert.Metrics.Contains(filter.Metric))
        && (string.IsNullOrWhiteSpace(filter.ServerContains)
            || alert.Server.Contains(filter.ServerContains.Trim(), StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<AlertView> Order(IEnumerable<AlertView> alerts, AlertSort sort)
    {
        // Ties always break by time to the crossing, then server, so the order is stable between snapshots.
        IOrderedEnumerable<AlertView> ordered = sort.Column switch
        {
            AlertSortColumn.Server => By(alerts, a => a.Server, sort.Descending, StringComparer.Ordinal),
            AlertSortColumn.Profile => By(alerts, a => a.Profile, sort.Descending),
            AlertSortColumn.Metric => By(alerts, a => a.Metric, sort.Descending, StringComparer.Ordinal),
            AlertSortColumn.MinutesAhead => By(alerts, a => a.MinutesAhead, sort.Descending),
            AlertSortColumn.PredictedValue => By(alerts, a => a.PredictedValue, sort.Descending),
            AlertSortColumn.StartedAt => By(alerts, a => a.StartedAt, sort.Descending),
            _ => By(alerts, a => a.Severity, sort.Descending),
        };
        return ordered.ThenBy(a => a.MinutesAhead).ThenBy(a => a.Server, StringComparer.Ordinal).ThenBy(a => a.Metric, StringComparer.Ordinal);
    }

    private static IOrderedEnumerable<AlertView> By<TKey>(IEnumerable<AlertView> alerts, Func<AlertView, TKey> key, bool descending, IComparer<TKey>? comparer = null) =>
        descending ? alerts.OrderByDescending(key, comparer) : alerts.OrderBy(key, comparer);
}
