using FleetCast.Core.Profiles;
using FleetCast.Core.Thresholds;

namespace FleetCast.Core.Tests.Shared;

public static class TestThresholds
{
    /// <summary>The default table's score bands with every alert threshold removed (no level floors, no alerts).</summary>
    public static ThresholdTable BandsOnly { get; } = new(
        ThresholdTable.Default.ForProfile(ServerProfile.MlCompute).Select(WithoutThresholds).ToArray(),
        ProfileNames.All.ToDictionary(p => p, p => (IReadOnlyList<MetricThresholds>)ThresholdTable.Default.ForProfile(p).Select(WithoutThresholds).ToArray()));

    private static MetricThresholds WithoutThresholds(MetricThresholds thresholds) => thresholds with { Warning = null, Critical = null };
}
