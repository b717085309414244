using FleetCast.Core.Metrics;
using FleetCast.Core.Thresholds;
using FleetCast.Forecasting.Tft;
using FleetCast.Forecasting.Tft.Training;

namespace FleetCast.Forecasting.Tests.Tft;

[Collection(TorchCollection.Name)]
public sealed class EventWeightingTests
{
    // SmallConfig: look-back 16, horizon 8, season 8. A window starting at s reads, for its horizon,
    // the season-ago rows s + 8 … s + 15.
    private const int SpikeStep = 40;

    [Fact]
    public void SeasonAgoReachesWarning_SpikeOneSeasonBeforeTheHorizon_OnlyThoseWindows()
    {
        var windows = WindowsWithSpike();

        Assert.True(windows.SeasonAgoReachesWarning(0, SpikeStep - 8));
        Assert.True(windows.SeasonAgoReachesWarning(0, SpikeStep - 15));
        Assert.False(windows.SeasonAgoReachesWarning(0, SpikeStep - 7));
        Assert.False(windows.SeasonAgoReachesWarning(0, SpikeStep - 16));
        Assert.False(windows.SeasonAgoReachesWarning(1, SpikeStep - 8));
    }

    [Fact]
    public void Fill_EventWeight_ScalesOnlyTheFlaggedWindowsLossWeights()
    {
        var windows = WindowsWithSpike();
        var config = TftTestData.SmallConfig();
        var batch = new TftBatch(2, config.LookbackSteps, config.HorizonSteps, config.SeasonSteps, withTargets: true);

        windows.Fill(batch, [(0, SpikeStep - 10), (1, SpikeStep - 10)], 0, eventWeight: 3f);

        using var scope = TorchSharp.torch.NewDisposeScope();
        var weights = batch.ToTargets().Mask.data<float>().ToArray();
        var perSample = config.HorizonSteps * MetricCatalog.Count;
        Assert.All(weights.Take(perSample), w => Assert.Equal(3f, w));
        Assert.All(weights.Skip(perSample), w => Assert.Equal(1f, w));
    }

    private static TrainingWindows WindowsWithSpike()
    {
        var dataset = TftTestData.ToyFleet(servers: 2, steps: 120, seed: 8);
        var server = dataset.Servers[0];
        var warning = ThresholdTable.Default.Get(server.Profile, Metric.CpuUserPct).Warning!.Value;
        Assert.All(dataset.Servers, s => Assert.True(Enumerable.Range(0, 120).All(t => s.Values[(t * MetricCatalog.Count) + (int)Metric.CpuUserPct] < warning)));
        server.Values[(SpikeStep * MetricCatalog.Count) + (int)Metric.CpuUserPct] = (float)warning + 1;
        var config = TftTestData.SmallConfig();
        return TrainingWindows.Create(dataset, config.LookbackSteps, config.HorizonSteps, config.SeasonSteps, 1, 0.25);
    }
}
