using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Thresholds;
using FleetCast.Forecasting.Evaluation;
using FleetCast.Forecasting.Tests.Shared;

namespace FleetCast.Forecasting.Tests.Evaluation;

public sealed class IncidentFinderTests
{
    [Fact]
    public void CrossingSteps_QuietRunThenCrossing_CountsOnlyTheCrossingAfterTheQuietRun()
    {
        var data = IncidentDataset.Create();
        var thresholds = ThresholdTable.Default.Get(ServerProfile.WebApi, Metric.CpuUserPct);

        var crossings = IncidentFinder.CrossingSteps(data.Servers[0], Metric.CpuUserPct, thresholds, quietSteps: 12);

        Assert.Equal([IncidentDataset.CrossingStep], crossings);
    }

    [Fact]
    public void CrossingSteps_OnlyElevenQuietSteps_IsNotAnIncident()
    {
        // Above warning until step 88, quiet 89..99 (11 steps), critical at 100.
        var data = TestSeries.Dataset(1, 120, (s, t, m) => t < 89 ? 90f : t < 100 ? 50f : 96f);
        var thresholds = ThresholdTable.Default.Get(ServerProfile.WebApi, Metric.CpuUserPct);

        var crossings = IncidentFinder.CrossingSteps(data.Servers[0], Metric.CpuUserPct, thresholds, quietSteps: 12);

        Assert.Empty(crossings);
    }

    [Fact]
    public void CrossingSteps_RampThroughWarningAfterQuietRun_IsOneIncident()
    {
        // Quiet (50) until 39, a ramp through the warning band 40..45 (85), critical 46..50 (96), back to
        // warning 51..53 and critical again at 54: one bad period, one incident at its first critical step.
        var data = TestSeries.Dataset(1, 80, (s, t, m) => t < 40 ? 50f : t < 46 ? 85f : t < 51 ? 96f : t < 54 ? 85f : t < 56 ? 96f : 50f);
        var thresholds = ThresholdTable.Default.Get(ServerProfile.WebApi, Metric.CpuUserPct);
        Assert.True(thresholds.Reaches(85, thresholds.Warning!.Value) && !thresholds.Reaches(85, thresholds.Critical!.Value));

        var crossings = IncidentFinder.CrossingSteps(data.Servers[0], Metric.CpuUserPct, thresholds, quietSteps: 12);

        Assert.Equal([46], crossings);
    }

    [Fact]
    public void CrossingSteps_QuietAgainAfterIncident_CountsTheNextCrossing()
    {
        var data = TestSeries.Dataset(1, 80, (s, t, m) => t is 20 or 45 ? 96f : 50f);
        var thresholds = ThresholdTable.Default.Get(ServerProfile.WebApi, Metric.CpuUserPct);

        var crossings = IncidentFinder.CrossingSteps(data.Servers[0], Metric.CpuUserPct, thresholds, quietSteps: 12);

        Assert.Equal([20, 45], crossings);
    }

    [Fact]
    public void CrossingSteps_LowIsBadIdle_CrossesDownward()
    {
        // Idle: warning 5, critical 2, low is bad.
        var data = TestSeries.Dataset(1, 60, (s, t, m) => t == 40 ? 1f : 60f);
        var thresholds = ThresholdTable.Default.Get(ServerProfile.WebApi, Metric.CpuIdlePct);

        var crossings = IncidentFinder.CrossingSteps(data.Servers[0], Metric.CpuIdlePct, thresholds, quietSteps: 12);

        Assert.Equal([40], crossings);
    }

    [Fact]
    public void CrossingSteps_MetricWithoutThreshold_IsEmpty()
    {
        var data = TestSeries.Dataset(1, 60, (s, t, m) => t == 40 ? 1000f : 1f);
        var thresholds = ThresholdTable.Default.Get(ServerProfile.WebApi, Metric.UptimeDays);

        Assert.Empty(IncidentFinder.CrossingSteps(data.Servers[0], Metric.UptimeDays, thresholds, quietSteps: 12));
    }
}
