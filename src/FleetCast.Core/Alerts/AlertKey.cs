using FleetCast.Core.Metrics;

namespace FleetCast.Core.Alerts;

/// <summary>Alerts are de-duplicated per server + metric + severity.</summary>
public readonly record struct AlertKey(string Server, Metric Metric, AlertSeverity Severity)
{
    public override string ToString() => $"{Server}/{MetricCatalog.WireName(Metric)}/{Severity.ToString().ToLowerInvariant()}";
}
