using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Thresholds;

namespace FleetCast.Core.Tests.Thresholds;

public sealed class HeatClassifierTests
{
    [Theory]
    [InlineData(ServerProfile.Generic, 97.0, HeatClass.Warning)]
    [InlineData(ServerProfile.Generic, 98.0, HeatClass.Critical)]
    [InlineData(ServerProfile.Database, 97.0, HeatClass.Warning)]
    [InlineData(ServerProfile.Database, 94.0, HeatClass.Normal)]
    [InlineData(ServerProfile.Generic, 86.0, HeatClass.Elevated)]
    [InlineData(ServerProfile.Generic, 50.0, HeatClass.Normal)]
    public void Classify_Memory_UsesTheProfilesThresholds(ServerProfile profile, double value, HeatClass expected)
    {
        var memory = DisplayMetricCatalog.All.Single(m => m.Id == DisplayMetric.Memory);

        var heat = HeatClassifier.Classify(ThresholdTable.Default.Get(profile, Metric.MemUsedPct), memory, value);

        Assert.Equal(expected, heat);
    }

    [Theory]
    [InlineData(99.0, HeatClass.Critical)]
    [InlineData(96.0, HeatClass.Warning)]
    [InlineData(91.0, HeatClass.Elevated)]
    [InlineData(60.0, HeatClass.Normal)]
    [InlineData(null, HeatClass.NoData)]
    public void Classify_Cpu_ComparesIdleAgainstItsLowIsBadThresholds(double? cpu, HeatClass expected)
    {
        var definition = DisplayMetricCatalog.All.Single(m => m.Id == DisplayMetric.Cpu);

        var heat = HeatClassifier.Classify(ThresholdTable.Default.Get(ServerProfile.Generic, Metric.CpuIdlePct), definition, cpu);

        Assert.Equal(expected, heat);
    }

    [Theory]
    [InlineData(HeatClass.NoData, "no data")]
    [InlineData(HeatClass.Normal, "normal")]
    [InlineData(HeatClass.Elevated, "elevated")]
    [InlineData(HeatClass.Warning, "warning")]
    [InlineData(HeatClass.Critical, "critical")]
    public void Label_EveryClass_HasItsWord(HeatClass heat, string expected) => Assert.Equal(expected, HeatClassifier.Label(heat));
}
