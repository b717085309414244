using FleetCast.Core.Metrics;
using FleetCast.Forecasting.Data;
using FleetCast.Forecasting.Live;

namespace FleetCast.Forecasting.Tests.Live;

public sealed class LiveForecastScorekeeperTests
{
    /// <summary>Every metric but the projected uptime counter is scored.</summary>
    private static readonly int ScoredMetrics = MetricCatalog.All.Count(d => !CounterProjection.IsProjected(d.Id));

    // Std of four consecutive integers (the look-back of the truth 10·m + t): sqrt(1.25), above every floor.
    private static readonly double LookbackStd = Math.Sqrt(1.25);

    private static void Run(LiveForecastScorekeeper keeper, int fromStep, int toStep, Func<string, int, LiveObservation> observe, params string[] servers)
    {
        for (var step = fromStep; step <= toStep; step++)
        {
            var at = step;
            keeper.Observe(LiveFleet.TimeOf(step), servers.Select(s => observe(s, at)).ToList());
        }
    }

    [Fact]
    public void Observe_PerfectForecast_ZeroErrorAndFullCoverage()
    {
        var keeper = new LiveForecastScorekeeper(LiveFleet.SmallOptions());

        Run(keeper, 10, 30, (s, t) => LiveFleet.Observation(s, t, LiveFleet.Forecast(s, "oracle", t, 4, 0, 0, 0)), "ppdb001", "ppweb001");
        var overall = Assert.Single(keeper.Report().Forecasters).Overall;

        Assert.True(overall.MaturedPoints > 0);
        Assert.Equal(0, overall.PinballMean!.Value, 12);
        Assert.Equal(1, overall.Coverage80!.Value, 12);
        Assert.All(overall.P50Mae.Values, mae => Assert.Equal(0, mae, 12));
        Assert.Equal(ScoredMetrics, overall.P50Mae.Count);
    }

    [Fact]
    public void Observe_KnownOffsets_KnownMaeCoverageAndPinball()
    {
        var keeper = new LiveForecastScorekeeper(LiveFleet.SmallOptions());

        // p50 two above the truth, p10/p90 five either side: MAE 2, everything inside the band.
        Run(keeper, 10, 30, (s, t) => LiveFleet.Observation(s, t, LiveFleet.Forecast(s, "shifted", t, 4, -5, 2, 5)), "ppdb001");
        var overall = Assert.Single(keeper.Report().Forecasters).Overall;

        Assert.All(overall.P50Mae.Values, mae => Assert.Equal(2, mae, 5));
        Assert.Equal(1, overall.Coverage80!.Value, 12);
        // pinball(0.5, y, y + 2) = 0.5·2; p10: 0.1·5; p90: 0.1·5 — each divided by the look-back std.
        Assert.Equal(1.0 / LookbackStd, overall.Pinball!.P50, 4);
        Assert.Equal(0.5 / LookbackStd, overall.Pinball.P10, 4);
        Assert.Equal(0.5 / LookbackStd, overall.Pinball.P90, 4);
        Assert.Equal(2.0 / 3 / LookbackStd, overall.PinballMean!.Value, 4);
    }

    [Fact]
    public void Observe_BandMissesTruth_CoverageZero()
    {
        var keeper = new LiveForecastScorekeeper(LiveFleet.SmallOptions());

        Run(keeper, 10, 30, (s, t) => LiveFleet.Observation(s, t, LiveFleet.Forecast(s, "high", t, 4, 1, 2, 3)), "ppdb001");

        Assert.Equal(0, Assert.Single(keeper.Report().Forecasters).Overall.Coverage80!.Value, 12);
    }

    [Fact]
    public void Observe_StepsMatureInOrder_NearBucketFirstAndOnlyAfterDataTimePasses()
    {
        var keeper = new LiveForecastScorekeeper(LiveFleet.SmallOptions(originEvery: 100));
        var points = new List<(long Near, long Far)>();

        // One origin at step 10 (horizon 4); steps 11..14 mature once the data time is past them.
        for (var step = 10; step <= 16; step++)
        {
            keeper.Observe(LiveFleet.TimeOf(step), [LiveFleet.Observation("ppdb001", step, LiveFleet.Forecast("ppdb001", "f", step, 4, 0, 0, 0))]);
            var buckets = keeper.Report().Forecasters.SingleOrDefault()?.Buckets;
            points.Add((buckets?[0].MaturedPoints ?? 0, buckets?[1].MaturedPoints ?? 0));
        }

        long m = ScoredMetrics;
        Assert.Equal([(0L, 0L), (0L, 0L), (m, 0L), (2L * m, 0L), (2L * m, m), (2L * m, 2L * m), (2L * m, 2L * m)], points);
        Assert.Equal(0, keeper.KeptOrigins);
    }

    [Fact]
    public void Observe_TwoForecasters_ScoredSeparately()
    {
        var keeper = new LiveForecastScorekeeper(LiveFleet.SmallOptions());

        Run(keeper, 10, 20, (s, t) => LiveFleet.Observation(s, t, s == "ppdb001"
            ? LiveFleet.Forecast(s, "tft", t, 4, 0, 0, 0)
            : LiveFleet.Forecast(s, "holt-winters", t, 4, -1, 3, 4)), "ppdb001", "ppweb001");
        var report = keeper.Report();

        Assert.Equal(["tft", "holt-winters"], report.Forecasters.Select(f => f.Name));
        Assert.Equal(0, report.Forecasters[0].Overall.P50Mae["cpu_user_pct"], 5);
        Assert.Equal(3, report.Forecasters[1].Overall.P50Mae["cpu_user_pct"], 5);
    }

    [Fact]
    public void Observe_ServerSilentSinceTarget_NotScored()
    {
        var keeper = new LiveForecastScorekeeper(LiveFleet.SmallOptions(originEvery: 100));

        keeper.Observe(LiveFleet.TimeOf(10), [LiveFleet.Observation("ppdb001", 10, LiveFleet.Forecast("ppdb001", "f", 10, 4, 0, 0, 0))]);
        // The window still ends at the fleet's data time (forward-filled), but the server last reported at step 10.
        for (var step = 11; step <= 16; step++)
        {
            keeper.Observe(LiveFleet.TimeOf(step), [LiveFleet.Observation("ppdb001", step, null, lastSeenStep: 10)]);
        }

        var forecasters = keeper.Report().Forecasters;
        Assert.Empty(forecasters);
        Assert.Equal(0, keeper.KeptOrigins);
    }

    [Fact]
    public void Observe_FewPoints_BucketNotSufficientAndValuesOnlyWhereMatured()
    {
        var keeper = new LiveForecastScorekeeper(LiveFleet.SmallOptions(originEvery: 100) with { MinMaturedPoints = 20 });

        for (var step = 10; step <= 12; step++)
        {
            keeper.Observe(LiveFleet.TimeOf(step), [LiveFleet.Observation("ppdb001", step, LiveFleet.Forecast("ppdb001", "f", step, 4, 0, 0, 0))]);
        }

        var forecaster = Assert.Single(keeper.Report().Forecasters);
        Assert.Equal(ScoredMetrics, forecaster.Buckets[0].MaturedPoints);
        Assert.False(forecaster.Buckets[0].Sufficient);
        Assert.Null(forecaster.Buckets[1].PinballMean);
        Assert.Equal(0, forecaster.Buckets[1].MaturedPoints);
    }

    [Fact]
    public void Observe_ManySteps_KeptOriginsBoundedAndMemoryProportionalToServers()
    {
        var options = LiveFleet.SmallOptions(originEvery: 1);
        var keeper = new LiveForecastScorekeeper(options);
        var servers = Enumerable.Range(0, 50).Select(i => $"ppweb{i:000}").ToArray();
        var maxOrigins = 0;
        long maxBytes = 0;

        for (var step = 10; step <= 210; step++)
        {
            var at = step;
            keeper.Observe(LiveFleet.TimeOf(step), servers.Select(s => LiveFleet.Observation(s, at, LiveFleet.Forecast(s, "f", at, 4, 0, 0, 0))).ToList());
            maxOrigins = Math.Max(maxOrigins, keeper.KeptOrigins);
            maxBytes = Math.Max(maxBytes, keeper.KeptBytes);
        }

        // Horizon 4, an origin every step: the oldest is released once step 4 matured, so at most 5 are held.
        Assert.Equal(5, keeper.Capacity);
        Assert.True(maxOrigins <= keeper.Capacity, $"held {maxOrigins} origins");
        var perServerOrigin = (3 * MetricCatalog.Count * 4 * sizeof(float)) + (2 * MetricCatalog.Count * sizeof(float)) + MetricCatalog.Count + (2 * IntPtr.Size);
        Assert.Equal((long)keeper.KeptOrigins * servers.Length * perServerOrigin, keeper.KeptBytes);
        Assert.True(maxBytes <= (long)keeper.Capacity * servers.Length * perServerOrigin);
    }

    [Fact]
    public void SampleSteps_DefaultHorizon_EveryFourthStepEndingAtHorizon()
    {
        Assert.Equal(Enumerable.Range(1, 24).Select(i => i * 4), LiveForecastScorekeeper.SampleSteps(96, 4));
        Assert.Equal([5, 10, 12], LiveForecastScorekeeper.SampleSteps(12, 5));
    }

    [Fact]
    public void HorizonBuckets_DefaultOptions_OneFourEightHoursInDataTime()
    {
        var keeper = new LiveForecastScorekeeper(new LiveScoreOptions());

        Assert.Equal(["0–1 h ahead", "1–4 h ahead", "4–8 h ahead"], keeper.Buckets.Select(b => b.Label));
        Assert.Equal([(1, 12), (13, 48), (49, 96)], keeper.Buckets.Select(b => (b.FromStep, b.ToStep)));
    }

    [Fact]
    public void Constructor_InvalidOriginStride_ThrowsNamingField()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new LiveForecastScorekeeper(new LiveScoreOptions { OriginEverySteps = 0 }));

        Assert.Equal(nameof(LiveScoreOptions.OriginEverySteps), error.ParamName);
    }
}
