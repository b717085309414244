using System.IO.Compression;
using System.Text.Json;
using FleetCast.Core.Alerts;
using FleetCast.Core.Levels;
using FleetCast.Core.Scoring;
using FleetCast.Core.Thresholds;
using FleetCast.Server.Engine;
using FleetCast.Server.Ingest;
using FleetCast.Server.Options;
using FleetCast.Server.Tests.Shared;
using FleetCast.Server.Windows;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Prometheus;

namespace FleetCast.Server.Tests.Engine;

public sealed class SnapshotEngineTests
{
    private readonly WindowStore _windows = new(new WindowStoreOptions { StepSeconds = 300, WindowSteps = 8, LookbackSteps = 4 });
    private readonly InMemoryAlertStore _alerts = new();
    private readonly InMemoryHistoryStore _history = new();
    private readonly FakeForecaster _primary = new("primary", minHistorySteps: 1);
    private readonly FakeForecaster _warmUp = new("warm-up", minHistorySteps: 1);
    private readonly EngineMetrics _metrics = new(Metrics.NewCustomRegistry());
    private readonly SnapshotEngine _engine;
    private readonly DateTimeOffset _origin = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    private readonly FleetCastOptions _options;

    public SnapshotEngineTests()
    {
        var options = _options = new FleetCastOptions();
        options.Forecast.LookbackSteps = 4;
        options.Forecast.WindowSteps = 8;
        options.Forecast.HorizonSteps = 6;
        options.Forecast.StaleAfterSteps = 2;
        _engine = new SnapshotEngine(_windows, _alerts, _history, new ForecasterSet(_primary, _warmUp), _metrics, Microsoft.Extensions.Options.Options.Create(options),
            ThresholdTable.Default, ScoringOptions.Default, TestAlertRules.FireAtOnce, TimeProvider.System, NullLogger<SnapshotEngine>.Instance);
    }

    private void Feed(string server, int fromStep, int toStep, double memory = 50)
    {
        var samples = Enumerable.Range(fromStep, toStep - fromStep + 1).Select(s => TestSamples.Healthy(server, _origin.AddMinutes(5 * s), memory)).ToList();
        _windows.Apply(samples);
    }

    [Fact]
    public void TryStep_NoData_PublishesNothing()
    {
        Assert.Null(_engine.TryStep());
        Assert.Null(_engine.Current);
    }

    [Fact]
    public void TryStep_NewDataStep_PublishesNextVersionOnceAndNotifiesSubscribers()
    {
        var seen = new List<long>();
        using var subscription = _engine.Subscribe(s => seen.Add(s.Snapshot.Version));
        Feed("ppdb001", 0, 5);

        var first = _engine.TryStep();
        var again = _engine.TryStep();
        Feed("ppdb001", 6, 6);
        var second = _engine.TryStep();

        Assert.NotNull(first);
        Assert.Null(again);
        Assert.Equal(_origin.AddMinutes(25), first.Snapshot.DataTime);
        Assert.Equal(2, second!.Snapshot.Version);
        Assert.Equal([1L, 2L], seen);
        Assert.Same(second, _engine.Current);
        Assert.Equal(2, _history.Points.Count);
    }

    [Fact]
    public void TryStep_SubscribersNotified_SnapshotHistoryPointAlreadyStored()
    {
        var storedWhenNotified = new List<int>();
        using var subscription = _engine.Subscribe(s => storedWhenNotified.Add(_history.Points.Count(p => p.Version == s.Snapshot.Version)));
        Feed("ppdb001", 0, 5);

        _engine.TryStep();

        Assert.Equal([1], storedWhenNotified);
    }

    [Fact]
    public async Task Hosted_StepNiceness_StepsRunOnAThreadAtThatPriority()
    {
        var options = new FleetCastOptions();
        options.Forecast.LookbackSteps = 4;
        options.Forecast.WindowSteps = 8;
        options.Forecast.HorizonSteps = 6;
        options.Forecast.PollMilliseconds = 10;
        options.Forecast.StepNiceness = Math.Max(ThreadNice.Current(), 5);
        using var engine = new SnapshotEngine(_windows, _alerts, _history, new ForecasterSet(_primary, _warmUp), _metrics, Microsoft.Extensions.Options.Options.Create(options),
            ThresholdTable.Default, ScoringOptions.Default, TestAlertRules.FireAtOnce, TimeProvider.System, NullLogger<SnapshotEngine>.Instance);
        var stepped = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = engine.Subscribe(_ => stepped.TrySetResult(ThreadNice.Current()));
        Feed("ppdb001", 0, 5);

        await engine.StartAsync(CancellationToken.None);
        var nice = await stepped.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await engine.StopAsync(CancellationToken.None);

        Assert.Equal(options.Forecast.StepNiceness, nice);
        Assert.Equal(1, engine.Current?.Snapshot.Version);
    }

    [Fact]
    public void TryStep_ServersArriveWithDataNoNewerThanTheLastStep_ListedWithoutWaitingForTheNextStep()
    {
        Feed("ppdb001", 0, 5);
        var first = _engine.TryStep()!;
        Feed("ppweb001", 0, 5);
        Feed("ppweb002", 0, 3);

        var refreshed = _engine.TryStep();
        var again = _engine.TryStep();

        Assert.NotNull(refreshed);
        Assert.Null(again);
        Assert.Equal(first.Snapshot.DataTime, refreshed.Snapshot.DataTime);
        Assert.Equal(2, refreshed.Snapshot.Version);
        Assert.Equal(["ppdb001", "ppweb001", "ppweb002"], refreshed.Snapshot.Servers.Select(r => r.Name).Order());
        Assert.Single(_history.Points);
        Assert.Equal(0, _metrics.SkippedSteps.Value);
    }

    [Fact]
    public void TryStep_RefreshForNewServers_NeitherFiresNorResolvesAlertsForTheStepAlreadyEvaluated()
    {
        Feed("ppweb001", 0, 5, memory: 99.5);
        var first = _engine.TryStep()!;
        Feed("ppweb002", 0, 5, memory: 99.5);

        var refreshed = _engine.TryStep()!;
        Feed("ppweb001", 6, 6, memory: 99.5);
        Feed("ppweb002", 6, 6, memory: 99.5);
        var next = _engine.TryStep()!;

        Assert.Single(first.Snapshot.Alerts, a => a.Server == "ppweb001" && a.Metric == "mem_used_pct");
        Assert.Equal(["ppweb001"], refreshed.Snapshot.Alerts.Select(a => a.Server).Distinct());
        Assert.Equal(RiskLevel.Critical, refreshed.Snapshot.Servers.Single(r => r.Name == "ppweb002").Level);
        Assert.Contains(next.Snapshot.Alerts, a => a.Server == "ppweb002" && a.Metric == "mem_used_pct");
        Assert.Equal(2, _alerts.Transitions.Count(t => t.Kind == AlertTransitionKind.Fired && t.Alert.Headline.Metric == Core.Metrics.Metric.MemUsedPct));
    }

    [Fact]
    public void TryStep_DataJumpsSeveralSteps_ComputesNewestAndCountsSkipped()
    {
        Feed("ppdb001", 0, 3);
        _engine.TryStep();
        Feed("ppdb001", 4, 7);

        var published = _engine.TryStep();

        Assert.Equal(_origin.AddMinutes(35), published!.Snapshot.DataTime);
        Assert.Equal(3, _metrics.SkippedSteps.Value);
    }

    [Fact]
    public void TryStep_DataJumpsSeveralSteps_SkippedCountExposedOnEngineAndPublishedSnapshot()
    {
        Feed("ppdb001", 0, 3);
        var first = _engine.TryStep();
        Feed("ppdb001", 4, 7);

        var published = _engine.TryStep();

        Assert.Equal(default, first!.SkippedSteps);
        Assert.Equal(new SkippedStepCounts(Total: 3, LastHour: 3), published!.SkippedSteps);
        Assert.Equal(new SkippedStepCounts(Total: 3, LastHour: 3), _engine.SkippedSteps);
    }

    [Fact]
    public void RunStep_FullAndShortWindows_RoutesEachInOneBatchPerForecaster()
    {
        Feed("ppdb001", 0, 5);
        Feed("ppweb001", 0, 5);
        Feed("ppml0001", 4, 5);

        var published = _engine.TryStep()!;

        var primaryBatch = Assert.Single(_primary.Batches);
        var warmBatch = Assert.Single(_warmUp.Batches);
        Assert.Equal(["ppdb001", "ppweb001"], primaryBatch.Order());
        Assert.Equal(["ppml0001"], warmBatch);
        var rows = published.Snapshot.Servers.ToDictionary(r => r.Name);
        Assert.True(rows["ppdb001"].Ready);
        Assert.False(rows["ppml0001"].Ready);
        Assert.Equal(0.5, rows["ppml0001"].WarmupProgress);
        Assert.Equal("warm-up", rows["ppml0001"].Forecaster);
        Assert.Equal("primary", published.Snapshot.Forecaster);
        Assert.NotNull(published.Details["ppdb001"].Forecast);
    }

    [Fact]
    public void RunStep_PrimaryNeedsLongWindow_RoutesByWindowSpanSoOfflineGapsDoNotCount()
    {
        var primary = new FakeForecaster("long-primary", minHistorySteps: 8);
        var warmUp = new FakeForecaster("warm-up", minHistorySteps: 1);
        var options = new FleetCastOptions();
        options.Forecast.LookbackSteps = 4;
        options.Forecast.WindowSteps = 8;
        options.Forecast.HorizonSteps = 6;
        var engine = new SnapshotEngine(_windows, _alerts, _history, new ForecasterSet(primary, warmUp), _metrics, Microsoft.Extensions.Options.Options.Create(options),
            ThresholdTable.Default, ScoringOptions.Default, TestAlertRules.FireAtOnce, TimeProvider.System, NullLogger<SnapshotEngine>.Instance);
        Feed("ppdb001", 0, 7);
        Feed("ppweb001", 0, 1);
        Feed("ppweb001", 4, 7);
        Feed("ppml0001", 2, 7);

        engine.TryStep();

        Assert.Equal(["ppdb001", "ppweb001"], Assert.Single(primary.Batches).Order());
        Assert.Equal(["ppml0001"], Assert.Single(warmUp.Batches));
    }

    [Fact]
    public void RunStep_PrimaryThrows_FallsBackToWarmUpAndReportsError()
    {
        _primary.Throw = true;
        Feed("ppdb001", 0, 5);

        var published = _engine.TryStep()!;

        Assert.Equal("warm-up", published.Snapshot.Servers[0].Forecaster);
        Assert.Contains("fake failure", _engine.LastForecastError);
        Assert.Equal(1, _metrics.ForecastFailures.WithLabels(_primary.Name).Value);
    }

    [Fact]
    public void RunStep_ServerStoppedReporting_KeepsLastScoreMarkedStale()
    {
        Feed("ppdb001", 0, 5, memory: 97);
        Feed("ppweb001", 0, 5);
        var before = _engine.TryStep()!.Snapshot.Servers.Single(r => r.Name == "ppdb001");
        Feed("ppweb001", 6, 9);

        var after = _engine.TryStep()!.Snapshot.Servers.Single(r => r.Name == "ppdb001");

        Assert.False(before.Stale);
        Assert.True(after.Stale);
        Assert.Equal(before.RiskScore, after.RiskScore);
        Assert.Equal(before.Level, after.Level);
    }

    [Fact]
    public void RunStep_ValueOverCriticalThreshold_FiresAlertAndRecordsTransition()
    {
        Feed("ppweb001", 0, 5, memory: 99.5);

        var published = _engine.TryStep()!;

        var alert = Assert.Single(published.Snapshot.Alerts, a => a.Metric == "mem_used_pct" && a.Severity == AlertSeverity.Critical);
        Assert.Equal(0, alert.MinutesAhead);
        Assert.Contains("ppweb001", alert.Message);
        Assert.Contains(_alerts.Transitions, t => t.Kind == AlertTransitionKind.Fired && t.Alert.Server == "ppweb001");
    }

    [Fact]
    public void RunStep_DuringBackfill_ShowsTheLevelButRaisesAndStoresNoAlert()
    {
        var backfill = new BackfillStatus();
        var engine = new SnapshotEngine(_windows, _alerts, _history, new ForecasterSet(_primary, _warmUp), _metrics, Microsoft.Extensions.Options.Options.Create(_options),
            ThresholdTable.Default, ScoringOptions.Default, TestAlertRules.FireAtOnce, TimeProvider.System, NullLogger<SnapshotEngine>.Instance, backfill);
        Feed("ppweb001", 0, 5, memory: 99.5);

        PublishedSnapshot during;
        using (backfill.Begin())
        {
            during = engine.TryStep()!;
        }

        Feed("ppweb001", 6, 6, memory: 99.5);
        var after = engine.TryStep()!;

        Assert.Empty(during.Snapshot.Alerts);
        Assert.Equal(RiskLevel.Critical, Assert.Single(during.Snapshot.Servers).Level);
        Assert.Single(after.Snapshot.Alerts, a => a.Metric == "mem_used_pct" && a.Severity == AlertSeverity.Critical);
        var fired = Assert.Single(_alerts.Transitions);
        Assert.Equal(after.Snapshot.DataTime, fired.At);
    }

    [Fact]
    public void TryStep_StepsPassedOverDuringAndRightAfterBackfill_AreNotCountedAsSkipped()
    {
        var backfill = new BackfillStatus();
        var engine = new SnapshotEngine(_windows, _alerts, _history, new ForecasterSet(_primary, _warmUp), _metrics, Microsoft.Extensions.Options.Options.Create(_options),
            ThresholdTable.Default, ScoringOptions.Default, TestAlertRules.FireAtOnce, TimeProvider.System, NullLogger<SnapshotEngine>.Instance, backfill);
        using (backfill.Begin())
        {
            Feed("ppdb001", 0, 0);
            engine.TryStep();
            Feed("ppdb001", 1, 5);
            engine.TryStep();
            Feed("ppdb001", 6, 9);
        }

        engine.TryStep();
        Feed("ppdb001", 10, 13);
        engine.TryStep();

        Assert.Equal(3, engine.SkippedSteps.Total);
    }

    [Fact]
    public void RunStep_PredictedCriticalThenReached_StoresTheClaimAndItsCameTrueOutcome()
    {
        Feed("ppweb001", 0, 5, memory: 97.5);
        var predicted = _engine.TryStep()!;
        Feed("ppweb001", 6, 6, memory: 98.5);

        _engine.TryStep();

        var alert = Assert.Single(predicted.Snapshot.Alerts);
        Assert.Equal((AlertSeverity.Critical, AlertLikelihood.Possible), (alert.Severity, alert.Likelihood));
        var claim = Assert.Single(_alerts.Opened);
        Assert.Equal((98.0, predicted.Snapshot.DataTime.AddMinutes(30)), (claim.Threshold, claim.Deadline));
        var settled = Assert.Single(_alerts.Settled);
        Assert.Equal((AlertOutcome.CameTrue, _origin.AddMinutes(30)), (settled.Outcome, settled.At));
        var critical = _engine.AlertOutcomes[(int)AlertSeverity.Critical];
        Assert.Equal((1, 0, 1.0), (critical.CameTrue, critical.Open, critical.Precision));
    }

    [Fact]
    public void TryStep_PredictedCrossingAtASkippedStep_CameTrueAtThatStep()
    {
        Feed("ppweb001", 0, 5, memory: 97.5);
        _engine.TryStep();
        Feed("ppweb001", 6, 6, memory: 98.5);
        Feed("ppweb001", 7, 8, memory: 97.5);

        _engine.TryStep();

        Assert.Equal(2, _engine.SkippedSteps.Total);
        var settled = Assert.Single(_alerts.Settled);
        Assert.Equal((AlertOutcome.CameTrue, _origin.AddMinutes(30)), (settled.Outcome, settled.At));
    }

    [Fact]
    public void TryStep_WarningClaimReachedAtTheStepTheIncidentEscalates_SettledCameTrueNotReplaced()
    {
        Feed("ppweb001", 0, 5, memory: 89.5);
        var warned = _engine.TryStep()!;
        var escalating = TestSamples.Healthy("ppweb001", _origin.AddMinutes(30), memory: 99.45);
        escalating.Values[(int)Core.Metrics.Metric.CpuUserPct] = 94.5;
        _windows.Apply([escalating]);

        var escalated = _engine.TryStep()!;

        Assert.Equal((AlertSeverity.Warning, AlertLikelihood.Possible), (Assert.Single(warned.Snapshot.Alerts).Severity, warned.Snapshot.Alerts[0].Likelihood));
        Assert.Equal(AlertSeverity.Critical, Assert.Single(escalated.Snapshot.Alerts).Severity);
        Assert.Equal(AlertSeverity.Warning, Assert.Single(_alerts.Opened).Severity);
        var settled = Assert.Single(_alerts.Settled);
        Assert.Equal((AlertOutcome.CameTrue, AlertSeverity.Warning, _origin.AddMinutes(30)), (settled.Outcome, settled.Severity, settled.At));
        Assert.Equal(new AlertOutcomeCounts(AlertSeverity.Warning, 1, 0, 1, 0), _engine.AlertOutcomes[(int)AlertSeverity.Warning]);
        Assert.Equal(0, _engine.AlertOutcomes[(int)AlertSeverity.Critical].Predicted);
    }

    [Fact]
    public void Subscribe_ThrowingSubscriber_DoesNotStopOthersAndDisposeUnsubscribes()
    {
        var calls = 0;
        using var bad = _engine.Subscribe(_ => throw new InvalidOperationException("boom"));
        var good = _engine.Subscribe(_ => calls++);
        Feed("ppdb001", 0, 0);
        _engine.TryStep();
        good.Dispose();
        Feed("ppdb001", 1, 1);

        _engine.TryStep();

        Assert.Equal(1, calls);
    }

    [Fact]
    public void Publish_CompressedBodies_DecompressToTheSameCamelCaseJson()
    {
        Feed("ppdb001", 0, 5);

        var published = _engine.TryStep()!;

        using var gzip = new GZipStream(new MemoryStream(published.JsonGzip), CompressionMode.Decompress);
        using var fromGzip = new MemoryStream();
        gzip.CopyTo(fromGzip);
        var fromBrotli = new byte[published.Json.Length];
        Assert.True(System.IO.Compression.BrotliDecoder.TryDecompress(published.JsonBrotli, fromBrotli, out var written));
        Assert.Equal(published.Json, fromGzip.ToArray());
        Assert.Equal(published.Json, fromBrotli[..written]);
        var root = JsonDocument.Parse(published.Json).RootElement;
        Assert.True(root.TryGetProperty("dataTime", out _));
        Assert.EndsWith("-1\"", published.ETag);
    }
}
