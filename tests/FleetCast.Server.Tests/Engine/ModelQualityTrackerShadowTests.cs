using FleetCast.Core.Metrics;
using FleetCast.Core.Windows;
using FleetCast.Forecasting;
using FleetCast.Forecasting.Live;
using FleetCast.Server.Engine;
using FleetCast.Server.Tests.Dashboard.Shared;
using FleetCast.Server.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetCast.Server.Tests.Engine;

public sealed class ModelQualityTrackerShadowTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    // Every metric stays at 50, so a flat forecast's p50 is exact and only the band width matters:
    // band b puts p10 and p90 b away, pinball (0.1·b + 0 + 0.1·b) / 3 per point (over the same look-back std).
    private readonly FakeForecaster _model = new("tft", isModel: true, band: 1);

    private static ModelQualityTracker Tracker(ForecasterSet forecasters, ShadowForecasters shadow, int everySteps = 3, int maxServers = 200) =>
        new(new FakeSnapshotSource(), forecasters, new ModelQualityOptions
        {
            Scoring = new LiveScoreOptions { StepSeconds = TestSnapshots.StepSeconds, HorizonSteps = 6, LookbackSteps = 4, OriginEverySteps = 3, HorizonSampleEvery = 1, MinMaturedPoints = 10 },
            ShadowEverySteps = everySteps,
            ShadowMaxServers = maxServers,
            ShadowNiceness = 0,
        }, NullLogger<ModelQualityTracker>.Instance, shadow);

    /// <summary>The fleet of <see cref="TestSnapshots"/> moved to <paramref name="step"/> steps after its data time,
    /// every window flat at 50 and forecast by <paramref name="primary"/>.</summary>
    private static PublishedSnapshot Step(IForecaster primary, int step, int servers = 3)
    {
        var template = TestSnapshots.Create(servers: servers, forecaster: primary.Name, withAlerts: false);
        var at = TestSnapshots.DataTime.AddSeconds((double)step * TestSnapshots.StepSeconds);
        var windows = template.Details.Values.Select(d => new ServerWindow(d.Row.Name, d.Row.Profile, at, TestSnapshots.StepSeconds,
            Enumerable.Repeat(50f, TestSnapshots.WindowSteps * MetricCatalog.Count).ToArray(), d.Window.Observed)).ToArray();
        var forecasts = primary.Forecast(windows, TestSnapshots.HorizonSteps);
        var details = windows.Select((w, i) => new ServerDetail(template.Details[w.Server].Row with { LastSeen = at }, w, forecasts[i]))
            .ToDictionary(d => d.Row.Name, StringComparer.Ordinal);
        return new PublishedSnapshot
        {
            Snapshot = template.Snapshot with { DataTime = at, Version = step + 1 },
            Json = [],
            JsonGzip = [],
            JsonBrotli = [],
            ETag = $"\"{step}\"",
            Details = details,
        };
    }

    private static void Run(ModelQualityTracker tracker, IForecaster primary, int fromStep, int toStep, int servers = 3)
    {
        for (var step = fromStep; step <= toStep; step++)
        {
            tracker.Observe(Step(primary, step, servers));
            Assert.True(tracker.WaitForShadow(Deadline), "the shadow run did not finish");
        }
    }

    [Fact]
    public void Observe_ModelAndTwoShadowBaselines_ShadowTableScoresEachOnSamePointsAndRatioToBest()
    {
        var tracker = Tracker(new ForecasterSet(_model, new FakeForecaster("warm-up")),
            new ShadowForecasters([new FakeForecaster("linear-trend", band: 4), new FakeForecaster("seasonal-naive", band: 2)]));

        Run(tracker, _model, 0, 12);
        var report = tracker.Current;
        var shadow = report.Shadow!;

        Assert.True(shadow.Enabled);
        Assert.Equal(["linear-trend", "seasonal-naive"], shadow.Baselines);
        Assert.True(shadow.Runs >= 3);
        Assert.Equal(3, shadow.LastServers);
        Assert.NotNull(shadow.LastRunMs);
        Assert.Equal("tft", shadow.Accuracy.Reference);
        Assert.Equal(["tft", "linear-trend", "seasonal-naive"], shadow.Accuracy.Forecasters.Select(f => f.Name));
        var points = shadow.Accuracy.Forecasters[0].MaturedPoints;
        Assert.True(points > 0);
        Assert.All(shadow.Accuracy.Forecasters, f => Assert.Equal(points, f.MaturedPoints));
        Assert.Equal(0.25, shadow.Accuracy.Forecasters[1].ReferenceRatio!.Value, 6);
        Assert.Equal(0.5, shadow.Accuracy.Forecasters[2].ReferenceRatio!.Value, 6);
        Assert.Equal("seasonal-naive", shadow.Accuracy.BestBaseline);
        Assert.Equal(0.5, shadow.Accuracy.ReferenceToBestBaseline!.Value, 6);
        Assert.True(shadow.Accuracy.Sufficient);
        // The serving forecasts are scored in their own table, without the shadow baselines.
        Assert.Equal(["tft"], report.Live.Forecasters.Select(f => f.Name));
    }

    [Fact]
    public void Observe_BaselinePrimaryAlsoInShadowList_NotForecastTwice()
    {
        var primary = new FakeForecaster("holt-winters", band: 1);
        var shadowHolt = new FakeForecaster("holt-winters", band: 3);
        var tracker = Tracker(new ForecasterSet(primary, new FakeForecaster("warm-up")),
            new ShadowForecasters([new FakeForecaster("linear-trend", band: 2), shadowHolt]));

        Run(tracker, primary, 0, 8);
        var shadow = tracker.Current.Shadow!;

        Assert.Equal(["linear-trend"], shadow.Baselines);
        Assert.Empty(shadowHolt.Batches);
        Assert.Equal(["holt-winters", "linear-trend"], shadow.Accuracy.Forecasters.Select(f => f.Name));
        Assert.Equal(0.5, shadow.Accuracy.ReferenceToBestBaseline!.Value, 6);
    }

    [Fact]
    public void Observe_MoreReadyServersThanMax_EachRunForecastsAtMostMax()
    {
        var linear = new FakeForecaster("linear-trend", band: 2);
        var tracker = Tracker(new ForecasterSet(_model, new FakeForecaster("warm-up")), new ShadowForecasters([linear]), everySteps: 1, maxServers: 2);

        Run(tracker, _model, 0, 3, servers: 5);

        Assert.Equal(4, linear.Batches.Count);
        Assert.All(linear.Batches, b => Assert.InRange(b.Count, 1, 2));
        // Every third server from an offset that moves each run: all five are forecast within three runs.
        Assert.Equal(5, linear.Batches.SelectMany(b => b).Distinct().Count());
    }

    [Fact]
    public void Observe_ShadowOff_NoBaselineRunsAndSaysSo()
    {
        var linear = new FakeForecaster("linear-trend", band: 2);
        var tracker = Tracker(new ForecasterSet(_model, new FakeForecaster("warm-up")), new ShadowForecasters([linear]), everySteps: 0);

        Run(tracker, _model, 0, 8);
        var shadow = tracker.Current.Shadow!;

        Assert.False(shadow.Enabled);
        Assert.Empty(linear.Batches);
        Assert.Empty(shadow.Accuracy.Forecasters);
        Assert.Contains("off", shadow.Message);
    }
}
