using FleetCast.Core.Metrics;
using FleetCast.Forecasting.Data;
using FleetCast.Forecasting.Live;

namespace FleetCast.Forecasting.Tests.Live;

public sealed class LiveShadowScoringTests
{
    /// <summary>Every metric but the projected uptime counter is scored.</summary>
    private static readonly int ScoredMetrics = MetricCatalog.All.Count(d => !CounterProjection.IsProjected(d.Id));

    // Std of four consecutive integers (the look-back of the truth 10·m + t): sqrt(1.25).
    private static readonly double LookbackStd = Math.Sqrt(1.25);

    private static void Observe(LiveForecastScorekeeper keeper, int fromStep, int toStep, Func<int, LiveObservation> observe)
    {
        for (var step = fromStep; step <= toStep; step++)
        {
            keeper.Observe(LiveFleet.TimeOf(step), [observe(step)]);
        }
    }

    private static LiveObservation Shadow(string forecaster, int origin, float p10, float p50, float p90) =>
        LiveFleet.Observation("ppdb001", origin, LiveFleet.Forecast("ppdb001", forecaster, origin, 4, p10, p50, p90));

    [Fact]
    public void ShadowReport_ModelAndTwoBaselinesFromOneOrigin_ScoredApartFromServingAndRatioFromTheirPinball()
    {
        var keeper = new LiveForecastScorekeeper(LiveFleet.SmallOptions(originEvery: 100));
        keeper.Observe(LiveFleet.TimeOf(10), [LiveFleet.Observation("ppdb001", 10, LiveFleet.Forecast("ppdb001", "tft", 10, 4, 0, 0, 0))]);
        // tft: p10 5 below, p50 2 above, p90 5 above the truth → pinball 0.5, 1, 0.5 (mean 2/3).
        // seasonal-naive: 10 below, 4 above, 10 above → 1, 2, 1 (mean 4/3).
        // holt-winters: the whole band above the truth (1, 8, 20 above) → 0.9, 4, 2 (mean 2.3), coverage 0.
        keeper.KeepShadow(LiveFleet.TimeOf(10), [Shadow("tft", 10, -5, 2, 5), Shadow("seasonal-naive", 10, -10, 4, 10), Shadow("holt-winters", 10, 1, 8, 20)]);

        Observe(keeper, 11, 16, step => LiveFleet.Observation("ppdb001", step, null));
        var shadow = keeper.ShadowReport("tft");
        var serving = Assert.Single(keeper.Report().Forecasters);

        Assert.Equal("tft", serving.Name);
        Assert.Equal(0, serving.Overall.PinballMean!.Value, 12);
        Assert.Equal(["tft", "seasonal-naive", "holt-winters"], shadow.Forecasters.Select(f => f.Name));
        Assert.All(shadow.Forecasters, f => Assert.Equal(4L * ScoredMetrics, f.MaturedPoints));
        var tft = shadow.Forecasters[0];
        var naive = shadow.Forecasters[1];
        var holt = shadow.Forecasters[2];
        Assert.True(tft.IsReference);
        Assert.Null(tft.ReferenceRatio);
        Assert.Equal(2.0 / 3 / LookbackStd, tft.PinballMean!.Value, 4);
        Assert.Equal(4.0 / 3 / LookbackStd, naive.PinballMean!.Value, 4);
        Assert.Equal(2.3 / LookbackStd, holt.PinballMean!.Value, 4);
        Assert.Equal(1, naive.Coverage80!.Value, 12);
        Assert.Equal(0, holt.Coverage80!.Value, 12);
        Assert.Equal(0.5, naive.ReferenceRatio!.Value, 4);
        Assert.Equal(2.0 / 3 / 2.3, holt.ReferenceRatio!.Value, 4);
        Assert.Equal("seasonal-naive", shadow.BestBaseline);
        Assert.Equal(0.5, shadow.ReferenceToBestBaseline!.Value, 4);
        Assert.True(shadow.Sufficient);
    }

    [Fact]
    public void KeepShadow_ArrivesStepsAfterItsOrigin_EarlierStepsStillScoredAgainstTheirOwnActuals()
    {
        var keeper = new LiveForecastScorekeeper(LiveFleet.SmallOptions(originEvery: 100));
        Observe(keeper, 10, 12, step => LiveFleet.Observation("ppdb001", step, null));

        keeper.KeepShadow(LiveFleet.TimeOf(10), [Shadow("tft", 10, 0, 0, 0), Shadow("linear-trend", 10, -1, 1, 1)]);
        Observe(keeper, 13, 16, step => LiveFleet.Observation("ppdb001", step, null));
        var shadow = keeper.ShadowReport("tft");

        Assert.Equal(4L * ScoredMetrics, shadow.Forecasters[0].MaturedPoints);
        Assert.Equal(0, shadow.Forecasters[0].PinballMean!.Value, 12);
        Assert.Equal(0, shadow.ReferenceToBestBaseline!.Value, 12);
        Assert.Equal(0, keeper.KeptOrigins);
    }

    [Fact]
    public void ShadowReport_NothingMatured_NoRatioAndNotSufficient()
    {
        var keeper = new LiveForecastScorekeeper(LiveFleet.SmallOptions(originEvery: 100));
        keeper.KeepShadow(LiveFleet.TimeOf(10), [Shadow("tft", 10, 0, 0, 0), Shadow("linear-trend", 10, -1, 1, 1)]);

        var shadow = keeper.ShadowReport("tft");

        Assert.Empty(shadow.Forecasters);
        Assert.Null(shadow.BestBaseline);
        Assert.Null(shadow.ReferenceToBestBaseline);
        Assert.False(shadow.Sufficient);
        Assert.Equal(1, keeper.KeptOrigins);
        Assert.Equal(2, keeper.KeptForecasts);
    }

    [Fact]
    public void KeepShadow_ForecastFromAnotherOrigin_Ignored()
    {
        var keeper = new LiveForecastScorekeeper(LiveFleet.SmallOptions(originEvery: 100));

        keeper.KeepShadow(LiveFleet.TimeOf(11), [Shadow("tft", 10, 0, 0, 0)]);

        Assert.Equal(0, keeper.KeptOrigins);
    }
}
