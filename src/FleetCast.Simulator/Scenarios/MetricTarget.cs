using FleetCast.Core.Metrics;

namespace FleetCast.Simulator.Scenarios;

/// <summary>A value a scenario drives a metric to, with bounded jitter [Value − Below, Value + Above].</summary>
internal sealed record MetricTarget(Metric Metric, double Value, double Below, double Above);
