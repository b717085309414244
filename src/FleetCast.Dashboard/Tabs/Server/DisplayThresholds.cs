using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Thresholds;

namespace FleetCast.Dashboard.Tabs.Server;

/// <summary>Warning/critical thresholds of a display metric on the display scale: cpu is 100 − idle,
/// so idle ≤ 5 reads as cpu ≥ 95.</summary>
public sealed record DisplayThresholds(double? Warning, double? Critical)
{
    public static DisplayThresholds For(ThresholdTable table, ServerProfile profile, DisplayMetricCatalog.Definition metric)
    {
        var source = table.Get(profile, metric.Source);
        return metric.InvertFromIdle
            ? new DisplayThresholds(100 - source.Warning, 100 - source.Critical)
            : new DisplayThresholds(source.Warning, source.Critical);
    }
}
