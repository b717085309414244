using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Samples;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;
using FleetCast.Server.Windows;

namespace FleetCast.Server.Tests.Windows;

public sealed class WindowStoreTests
{
    private const int Step = 300;

    // Samples.Origin is 12:00:00Z, aligned to the 5-minute step.
    private static readonly DateTimeOffset T0 = Samples.Origin;

    private readonly WindowStore _store = new(new WindowStoreOptions { StepSeconds = Step, WindowSteps = 12, LookbackSteps = 3 });

    [Fact]
    public void Apply_ThreeGaugeSamplesInOneStep_StepHoldsTheirMean()
    {
        _store.Apply(
        [
            Samples.Of("a", T0, (Metric.CpuUserPct, 10)),
            Samples.Of("a", T0.AddSeconds(60), (Metric.CpuUserPct, 20)),
            Samples.Of("a", T0.AddSeconds(299), (Metric.CpuUserPct, 60)),
        ]);

        var view = Assert.Single(_store.Capture(T0));

        Assert.Equal(1, view.Window.Length);
        Assert.Equal(30f, view.Window[0, Metric.CpuUserPct]);
        Assert.Equal(T0, view.Window.LastStepTime);
        Assert.Equal(1, view.FilledSteps);
    }

    [Fact]
    public void Apply_CounterSamplesOutOfOrder_StepHoldsTheNewestByTimestamp()
    {
        _store.Apply(
        [
            Samples.Of("a", T0.AddSeconds(200), (Metric.UptimeDays, 3.2)),
            Samples.Of("a", T0.AddSeconds(100), (Metric.UptimeDays, 3.1)),
        ]);

        var view = Assert.Single(_store.Capture(T0));

        Assert.Equal(3.2f, view.Window[0, Metric.UptimeDays]);
    }

    [Fact]
    public void Capture_GapBetweenSteps_ForwardFillsAndCountsOnlyRealSteps()
    {
        _store.Apply(
        [
            Samples.Of("a", T0, (Metric.MemUsedPct, 50)),
            Samples.Of("a", T0.AddSeconds(3 * Step), (Metric.MemUsedPct, 80)),
        ]);

        var view = Assert.Single(_store.Capture(T0.AddSeconds(4 * Step)));

        Assert.Equal([50f, 50f, 50f, 80f, 80f], view.Window.Series(Metric.MemUsedPct));
        Assert.Equal(2, view.FilledSteps);
        Assert.Equal(T0.AddSeconds(4 * Step), view.Window.LastStepTime);
        Assert.Equal(T0.AddSeconds(3 * Step), view.LastSeen);
    }

    [Fact]
    public void Apply_LateSampleForEarlierStepInWindow_UpdatesThatStep()
    {
        _store.Apply([Samples.Of("a", T0, (Metric.CpuIowaitPct, 10)), Samples.Of("a", T0.AddSeconds(2 * Step), (Metric.CpuIowaitPct, 30))]);

        _store.Apply([Samples.Of("a", T0.AddSeconds(Step + 10), (Metric.CpuIowaitPct, 20)), Samples.Of("a", T0.AddSeconds(30), (Metric.CpuIowaitPct, 20))]);

        var view = Assert.Single(_store.Capture(T0.AddSeconds(2 * Step)));
        Assert.Equal([15f, 20f, 30f], view.Window.Series(Metric.CpuIowaitPct));
        Assert.Equal(3, view.FilledSteps);
    }

    [Fact]
    public void Apply_SampleOlderThanTheWindow_IsIgnored()
    {
        _store.Apply([Samples.Of("a", T0.AddSeconds(20 * Step), (Metric.CpuUserPct, 40))]);

        _store.Apply([Samples.Of("a", T0, (Metric.CpuUserPct, 99))]);

        var view = Assert.Single(_store.Capture(T0.AddSeconds(20 * Step)));
        Assert.Equal([40f], view.Window.Series(Metric.CpuUserPct));
    }

    [Fact]
    public void Apply_SameSecondResent_CountedOnce()
    {
        var sample = Samples.Of("a", T0.AddSeconds(15), (Metric.CpuUserPct, 90));
        _store.Apply([Samples.Of("a", T0, (Metric.CpuUserPct, 30)), sample]);

        _store.Apply([sample]);

        Assert.Equal(60f, Assert.Single(_store.Capture(T0)).Window[0, Metric.CpuUserPct]);
    }

    [Fact]
    public async Task Apply_SameSecondResentWithNewValues_KeepsTheLastLikeTheSampleStore()
    {
        // Arrange: ingest order, commit then apply, with the window store reading back re-sent seconds.
        using var temp = new TempDatabase();
        var samples = new SampleStore(temp.Database);
        var windows = new WindowStore(_store.Options, sampleStore: samples);
        async Task Ingest(params MetricSample[] batch)
        {
            await samples.AppendAsync(batch);
            windows.Apply(batch);
        }

        await Ingest(Samples.Of("a", T0, (Metric.CpuUserPct, 30)), Samples.Of("a", T0.AddSeconds(15), (Metric.CpuUserPct, 90), (Metric.UptimeDays, 2)));

        // Act: the second at T0+15 again, with other values.
        await Ingest(Samples.Of("a", T0.AddSeconds(15), (Metric.CpuUserPct, 50), (Metric.UptimeDays, 3)));

        // Assert
        var view = Assert.Single(windows.Capture(T0));
        Assert.Equal(40f, view.Window[0, Metric.CpuUserPct]);
        Assert.Equal(3f, view.Window[0, Metric.UptimeDays]);
        Assert.Equal(1, view.FilledSteps);
    }

    [Fact]
    public void Apply_ResentSecondAndStoreUnreadable_DoesNotThrowAndKeepsTheFirst()
    {
        var windows = new WindowStore(_store.Options, sampleStore: new UnreadableSampleStore());
        windows.Apply([Samples.Of("a", T0, (Metric.CpuUserPct, 30))]);

        windows.Apply([Samples.Of("a", T0, (Metric.CpuUserPct, 70))]);

        Assert.Equal(30f, Assert.Single(windows.Capture(T0)).Window[0, Metric.CpuUserPct]);
        Assert.Equal(1, windows.FailedRereads);
    }

    [Fact]
    public async Task Apply_SameSecondTwiceInOneBatch_KeepsTheLast()
    {
        using var temp = new TempDatabase();
        var samples = new SampleStore(temp.Database);
        var windows = new WindowStore(_store.Options, sampleStore: samples);
        MetricSample[] batch =
        [
            Samples.Of("a", T0.AddSeconds(10), (Metric.MemUsedPct, 20)),
            Samples.Of("a", T0.AddSeconds(10), (Metric.MemUsedPct, 80)),
        ];

        await samples.AppendAsync(batch);
        windows.Apply(batch);

        Assert.Equal(80f, Assert.Single(windows.Capture(T0)).Window[0, Metric.MemUsedPct]);
    }

    [Fact]
    public void Capture_EveryStepWithGapsLateSamplesAndNewMetrics_EqualsAFreshStoreFedTheSameSamples()
    {
        // Arrange: captures after every step reuse the previous copy where they can; a store that never
        // captured before must produce the same windows.
        var random = new Random(5);
        var fed = new List<MetricSample>();
        var metrics = new[] { Metric.CpuUserPct, Metric.MemUsedPct, Metric.UptimeDays, Metric.SwapUsedPct };

        for (var step = 0; step < 40; step++)
        {
            var batch = new List<MetricSample>();
            if (random.NextDouble() < 0.8)
            {
                // The swap metric appears only from step 25 on; others go missing at random.
                var values = metrics.Where(m => (m != Metric.SwapUsedPct || step >= 25) && random.NextDouble() < 0.85)
                    .Select(m => (m, (double)random.Next(0, 100))).ToArray();
                if (values.Length > 0)
                {
                    batch.Add(Samples.Of("a", T0.AddSeconds((step * Step) + random.Next(0, Step)), values));
                }
            }

            if (step % 9 == 8)
            {
                // A late sample for an earlier step that is still inside the window.
                batch.Add(Samples.Of("a", T0.AddSeconds(((step - 3) * Step) + 1), (Metric.CpuUserPct, 99)));
            }

            _store.Apply(batch);
            fed.AddRange(batch);
            if (fed.Count == 0)
            {
                continue;
            }

            // Act
            var asOf = T0.AddSeconds(step * Step);
            var live = Assert.Single(_store.Capture(asOf));
            var fresh = new WindowStore(_store.Options);
            fresh.Apply(fed);
            var expected = Assert.Single(fresh.Capture(asOf));

            // Assert
            Assert.Equal(expected.Window.Values, live.Window.Values);
            Assert.Equal(expected.Window.Observed, live.Window.Observed);
            Assert.Equal(expected.FilledSteps, live.FilledSteps);
        }
    }

    [Fact]
    public void Capture_MetricNeverSent_IsNotObservedAndOthersAre()
    {
        _store.Apply([Samples.Of("a", T0, (Metric.CpuUserPct, 10))]);

        var window = Assert.Single(_store.Capture(T0)).Window;

        Assert.True(window.Observed[(int)Metric.CpuUserPct]);
        Assert.False(window.Observed[(int)Metric.SwapUsedPct]);
        Assert.True(double.IsNaN(window.Latest()[(int)Metric.SwapUsedPct]));
    }

    [Fact]
    public void Capture_MetricFirstSeenLater_LeadingStepsTakeItsFirstValue()
    {
        _store.Apply([Samples.Of("a", T0, (Metric.CpuUserPct, 10)), Samples.Of("a", T0.AddSeconds(Step), (Metric.CpuUserPct, 12), (Metric.LoadAverage, 4))]);

        var window = Assert.Single(_store.Capture(T0.AddSeconds(Step))).Window;

        Assert.Equal([4f, 4f], window.Series(Metric.LoadAverage));
    }

    [Fact]
    public void Capture_ServerSilentLongerThanTheWindow_ReturnsEmptyWindowWithLastSeen()
    {
        _store.Apply([Samples.Of("old", T0, (Metric.CpuUserPct, 10)), Samples.Of("new", T0.AddSeconds(30 * Step), (Metric.CpuUserPct, 10))]);

        var views = _store.Capture(T0.AddSeconds(30 * Step));

        var old = views.Single(v => v.Server == "old");
        Assert.Equal(0, old.Window.Length);
        Assert.Equal(0, old.FilledSteps);
        Assert.Equal(T0, old.LastSeen);
        Assert.Equal(1, views.Single(v => v.Server == "new").Window.Length);
    }

    [Fact]
    public void Apply_ProfileGivenOrNot_UsesSampleProfileElseNameRules()
    {
        _store.Apply(
        [
            Samples.Of("ppdb001", T0, (Metric.CpuUserPct, 1)),
            Samples.Of("custom-host", T0, ServerProfile.RiskAnalytics, (Metric.CpuUserPct, 1)),
            Samples.Of("unknown-host", T0, (Metric.CpuUserPct, 1)),
        ]);

        var profiles = _store.Capture(T0).ToDictionary(v => v.Server, v => v.Profile);

        Assert.Equal(ServerProfile.Database, profiles["ppdb001"]);
        Assert.Equal(ServerProfile.RiskAnalytics, profiles["custom-host"]);
        Assert.Equal(ServerProfile.Generic, profiles["unknown-host"]);
    }

    [Fact]
    public void Apply_LookbackStepsFilled_ServerBecomesReady()
    {
        _store.Apply([Samples.Of("a", T0, (Metric.CpuUserPct, 1)), Samples.Of("a", T0.AddSeconds(Step), (Metric.CpuUserPct, 1)), Samples.Of("b", T0, (Metric.CpuUserPct, 1))]);
        Assert.Equal(0, _store.ReadyCount);

        _store.Apply([Samples.Of("a", T0.AddSeconds(2 * Step), (Metric.CpuUserPct, 1))]);

        Assert.Equal(1, _store.ReadyCount);
        Assert.Equal(2, _store.ServerCount);
        Assert.Equal(T0.AddSeconds(2 * Step), _store.LatestDataTime);
    }

    [Fact]
    public void Apply_OldStepsLeaveTheWindow_ServerIsNoLongerReady()
    {
        _store.Apply([.. Enumerable.Range(0, 3).Select(i => Samples.Of("a", T0.AddSeconds(i * Step), (Metric.CpuUserPct, 1)))]);
        Assert.Equal(1, _store.ReadyCount);

        _store.Apply([Samples.Of("a", T0.AddSeconds(13 * Step), (Metric.CpuUserPct, 1))]);

        Assert.Equal(0, _store.ReadyCount);
    }

    [Fact]
    public async Task Capture_WhileBatchesAreApplied_SeesEveryBatchWholeOrNotAtAll()
    {
        // Each batch sets the same value on both servers at the same step; a capture that saw half a
        // batch would show different latest values for the two servers.
        const int batches = 299;
        var writer = Task.Run(() =>
        {
            for (var k = 1; k <= batches; k++)
            {
                var time = T0.AddSeconds(k);
                _store.Apply([Samples.Of("x", time, (Metric.LoadAverage, k)), Samples.Of("y", time, (Metric.LoadAverage, k))]);
            }
        });

        var captures = 0;
        while (!writer.IsCompleted || captures == 0)
        {
            var views = _store.Capture(T0);
            if (views.Count == 2)
            {
                Assert.Equal(views[0].Window.Values, views[1].Window.Values);
                Assert.Equal(views[0].FilledSteps, views[1].FilledSteps);
                captures++;
            }
        }

        await writer;
        Assert.True(captures > 0);
    }

    [Fact]
    public async Task RebuildFrom_StoreReopenedAfterRestart_RestoresTheSameWindows()
    {
        using var temp = new TempDatabase();
        var samples = Enumerable.Range(0, 40)
            .SelectMany(i => new[] { Samples.Full("ppdb001", T0.AddSeconds(i * 100), i), Samples.Full("ppweb001", T0.AddSeconds(i * 100 + 7), 2 * i) })
            .ToList();
        await new SampleStore(temp.Database).AppendAsync(samples);
        var live = new WindowStore(_store.Options);
        live.Apply(samples);
        var before = live.Capture(live.LatestDataTime!.Value);

        var reopened = temp.Reopen();
        var restored = new WindowStore(_store.Options);
        var read = restored.RebuildFrom(new SampleStore(reopened), restored.RebuildStart(samples.Max(s => s.Timestamp)));
        var after = restored.Capture(restored.LatestDataTime!.Value);

        Assert.True(read > 0);
        Assert.Equal(before.Select(v => v.Server), after.Select(v => v.Server));
        for (var i = 0; i < before.Count; i++)
        {
            Assert.Equal(before[i].Window.Values, after[i].Window.Values);
            Assert.Equal(before[i].Window.LastStepTime, after[i].Window.LastStepTime);
            Assert.Equal(before[i].FilledSteps, after[i].FilledSteps);
        }
    }

    [Fact]
    public void Constructor_LookbackLongerThanWindow_Throws()
    {
        var options = new WindowStoreOptions { WindowSteps = 10, LookbackSteps = 20 };

        var error = Assert.Throws<ArgumentException>(() => new WindowStore(options));

        Assert.Contains("LookbackSteps", error.Message);
    }

    [Fact]
    public void Capture_DefaultOptions_WindowHoldsAtMost576Steps()
    {
        var store = new WindowStore();
        var samples = Enumerable.Range(0, 700).Select(i => Samples.Of("a", T0.AddSeconds(i * Step), (Metric.CpuUserPct, i % 100))).ToArray();
        store.Apply(samples);

        var window = Assert.Single(store.Capture(samples[^1].Timestamp)).Window;

        Assert.Equal(576, window.Length);
        Assert.Equal(99f, window[575, Metric.CpuUserPct]);
        Assert.Equal(24f, window[0, Metric.CpuUserPct]);
        Assert.Equal(1, store.ReadyCount);
    }
}
