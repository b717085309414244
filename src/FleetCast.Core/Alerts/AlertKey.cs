using FleetCast.Core.Metrics;

namespace FleetCast.Core.Alerts;

/// <summary>One alert lifecycle per server + metric: its severity escalates (warning → critical) and
/// de-escalates within that lifecycle instead of a second alert firing beside it.</summary>
public readonly record struct AlertKey(string Server, Metric Metric)
{
    public override string ToString() => $"{Server}/{MetricCatalog.WireName(Metric)}";
}
