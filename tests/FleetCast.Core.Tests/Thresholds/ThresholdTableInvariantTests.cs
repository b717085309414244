using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Thresholds;

namespace FleetCast.Core.Tests.Thresholds;

public sealed class ThresholdTableInvariantTests
{
    public static TheoryData<ServerProfile> Profiles() => [.. ProfileNames.All];

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Default_EveryMetricWithThresholds_HasBandsAtBothThresholdsAndTheReverse(ServerProfile profile)
    {
        foreach (var thresholds in ThresholdTable.Default.ForProfile(profile))
        {
            var hasThresholds = thresholds.Warning is not null && thresholds.Critical is not null;
            Assert.True(hasThresholds == (thresholds.CurrentBands.Count > 0), $"{profile} {thresholds.Metric}: thresholds and bands must come together");
            if (!hasThresholds)
            {
                Assert.Equal(Metric.UptimeDays, thresholds.Metric);
                continue;
            }

            Assert.True(thresholds.Reaches(thresholds.Critical!.Value, thresholds.Warning!.Value), $"{profile} {thresholds.Metric}: critical must lie beyond warning");
            Assert.True(thresholds.CurrentPoints(thresholds.Critical.Value) > thresholds.CurrentPoints(thresholds.Warning.Value), $"{profile} {thresholds.Metric}: more points at critical");
            Assert.True(thresholds.CurrentPoints(thresholds.Warning.Value) > 0, $"{profile} {thresholds.Metric}: points at warning");
        }
    }

    [Fact]
    public void Default_ConnectionAndNetworkMetrics_HaveProfileAwareThresholds()
    {
        var table = ThresholdTable.Default;

        Assert.True(table.Get(ServerProfile.WebApi, Metric.BackCloseWait).Warning > table.Get(ServerProfile.RiskAnalytics, Metric.BackCloseWait).Warning);
        Assert.True(table.Get(ServerProfile.Generic, Metric.NetInMbS).Critical < table.Get(ServerProfile.DataIngest, Metric.NetInMbS).Critical);
        Assert.NotNull(table.Get(ServerProfile.WebApi, Metric.FrontCloseWait).Critical);
    }
}
