namespace FleetCast.Core.Alerts;

/// <summary>Orders alert keys by server (ordinal).</summary>
public sealed class AlertKeyComparer : IComparer<AlertKey>
{
    public static AlertKeyComparer Instance { get; } = new();

    public int Compare(AlertKey x, AlertKey y) => string.CompareOrdinal(x.Server, y.Server);
}
