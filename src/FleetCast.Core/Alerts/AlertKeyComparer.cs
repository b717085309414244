namespace FleetCast.Core.Alerts;

/// <summary>Orders alert keys by server (ordinal), then metric (catalog order), then severity (warning first).</summary>
public sealed class AlertKeyComparer : IComparer<AlertKey>
{
    public static AlertKeyComparer Instance { get; } = new();

    public int Compare(AlertKey x, AlertKey y)
    {
        var byServer = string.CompareOrdinal(x.Server, y.Server);
        if (byServer != 0)
        {
            return byServer;
        }

        var byMetric = x.Metric.CompareTo(y.Metric);
        return byMetric != 0 ? byMetric : x.Severity.CompareTo(y.Severity);
    }
}
