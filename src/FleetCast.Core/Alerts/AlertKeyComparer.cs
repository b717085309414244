namespace FleetCast.Core.Alerts;

/// <summary>Orders alert keys by server (ordinal), then metric (catalog order).</summary>
public sealed class AlertKeyComparer : IComparer<AlertKey>
{
    public static AlertKeyComparer Instance { get; } = new();

    public int Compare(AlertKey x, AlertKey y)
    {
        var byServer = string.CompareOrdinal(x.Server, y.Server);
        return byServer != 0 ? byServer : x.Metric.CompareTo(y.Metric);
    }
}
