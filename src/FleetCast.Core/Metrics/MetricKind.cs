namespace FleetCast.Core.Metrics;

/// <summary>How raw samples of a metric are bucketed into model steps: mean for gauges, last for counters.</summary>
public enum MetricKind
{
    Gauge,
    Counter,
}
