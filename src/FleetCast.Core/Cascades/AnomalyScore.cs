using FleetCast.Core.Metrics;

namespace FleetCast.Core.Cascades;

/// <summary>A server's anomaly at one step: the largest robust score over its metrics and the metric that
/// gave it. <see cref="Score"/> is |x − median| / (1.4826·MAD + floor) over the metric's recent baseline;
/// 0 while the baseline is too short.</summary>
public readonly record struct AnomalyScore(double Score, Metric Metric)
{
    public static AnomalyScore None { get; } = new(0, Metric.CpuUserPct);
}
