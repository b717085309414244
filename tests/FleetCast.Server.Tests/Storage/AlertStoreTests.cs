using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Storage;

public sealed class AlertStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = Samples.Origin;

    private readonly TempDirectory _directory = new();
    private SqliteDatabase _database;
    private AlertStore _store;

    public AlertStoreTests()
    {
        _database = new SqliteDatabase(new SqliteStorageOptions(_directory.Path));
        _store = new AlertStore(_database);
    }

    public void Dispose()
    {
        _database.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void Record_FiredThenResolved_HistoryHasEndAndDuration()
    {
        var alert = Alert("ppdb003", Metric.MemUsedPct, AlertSeverity.Critical, Start);
        _store.Record([new AlertTransition(alert, AlertTransitionKind.Fired, Start)]);

        _store.Record([new AlertTransition(alert, AlertTransitionKind.Resolved, Start.AddMinutes(35))]);

        var record = Assert.Single(_store.History(Start.AddHours(-1), Start.AddHours(1)));
        Assert.Equal("ppdb003", record.Server);
        Assert.Equal(Metric.MemUsedPct, record.Metric);
        Assert.Equal(AlertSeverity.Critical, record.Severity);
        Assert.Equal(AlertLikelihood.Likely, record.Likelihood);
        Assert.Equal(98, record.Threshold);
        Assert.Equal(98.6, record.PredictedValue);
        Assert.Equal(35, record.MinutesAhead);
        Assert.Equal(Start, record.StartedAt);
        Assert.Equal(Start.AddMinutes(35), record.EndedAt);
        Assert.Equal(TimeSpan.FromMinutes(35), record.Duration);
        Assert.Empty(_store.LoadActive());
    }

    [Fact]
    public void LoadActive_AfterReopen_ReturnsOnlyAlertsStillFiring()
    {
        var firing = Alert("ppdb003", Metric.MemUsedPct, AlertSeverity.Critical, Start);
        var resolved = Alert("ppweb001", Metric.CpuUserPct, AlertSeverity.Warning, Start);
        _store.Record(
        [
            new AlertTransition(firing, AlertTransitionKind.Fired, Start),
            new AlertTransition(resolved, AlertTransitionKind.Fired, Start),
            new AlertTransition(resolved, AlertTransitionKind.Resolved, Start.AddMinutes(10)),
        ]);
        _database.Dispose();

        _database = new SqliteDatabase(new SqliteStorageOptions(_directory.Path));
        _store = new AlertStore(_database);
        var active = _store.LoadActive();

        var restored = Assert.Single(active);
        Assert.Equal(firing, restored);
        Assert.Equal(new AlertKey("ppdb003", Metric.MemUsedPct), restored.Key);
    }

    [Fact]
    public void Record_FiredAgainWhileOpen_KeepsOneOpenRow()
    {
        var alert = Alert("ppdb003", Metric.MemUsedPct, AlertSeverity.Critical, Start);

        _store.Record([new AlertTransition(alert, AlertTransitionKind.Fired, Start)]);
        _store.Record([new AlertTransition(alert with { StartedAt = Start.AddMinutes(5) }, AlertTransitionKind.Fired, Start.AddMinutes(5))]);

        Assert.Equal(Start, Assert.Single(_store.LoadActive()).StartedAt);
    }

    [Fact]
    public void History_ServerAndRange_ReturnsOverlappingAlertsOfThatServerNewestFirst()
    {
        var early = Alert("a", Metric.CpuUserPct, AlertSeverity.Warning, Start);
        var late = Alert("a", Metric.SwapUsedPct, AlertSeverity.Warning, Start.AddHours(2));
        var other = Alert("b", Metric.CpuUserPct, AlertSeverity.Warning, Start.AddHours(2));
        var outside = Alert("a", Metric.DiskUsagePct, AlertSeverity.Warning, Start.AddHours(5));
        _store.Record(
        [
            new AlertTransition(early, AlertTransitionKind.Fired, Start),
            new AlertTransition(early, AlertTransitionKind.Resolved, Start.AddHours(1.5)),
            new AlertTransition(late, AlertTransitionKind.Fired, late.StartedAt),
            new AlertTransition(other, AlertTransitionKind.Fired, other.StartedAt),
            new AlertTransition(outside, AlertTransitionKind.Fired, outside.StartedAt),
        ]);

        var history = _store.History(Start.AddHours(1), Start.AddHours(3), server: "a");

        Assert.Equal([Metric.SwapUsedPct, Metric.CpuUserPct], history.Select(r => r.Metric));
        Assert.Null(history[0].EndedAt);
        Assert.Null(history[0].Duration);
    }

    [Fact]
    public void Record_SeverityChangedTwice_OneRowEndsAsWarningWithPeakCritical()
    {
        var warning = Alert("ppdb003", Metric.MemUsedPct, AlertSeverity.Warning, Start) with { Threshold = 95 };
        var critical = warning with { Severity = AlertSeverity.Critical, Threshold = 99, LastEvaluatedAt = Start.AddMinutes(10) };
        _store.Record([new AlertTransition(warning, AlertTransitionKind.Fired, Start)]);
        _store.Record([new AlertTransition(critical, AlertTransitionKind.SeverityChanged, Start.AddMinutes(10)) { PreviousSeverity = AlertSeverity.Warning }]);
        var open = Assert.Single(_store.LoadActive());
        _store.Record([new AlertTransition(warning with { LastEvaluatedAt = Start.AddMinutes(30) }, AlertTransitionKind.SeverityChanged, Start.AddMinutes(30)) { PreviousSeverity = AlertSeverity.Critical }]);

        _store.Record([new AlertTransition(warning, AlertTransitionKind.Resolved, Start.AddMinutes(45))]);

        Assert.Equal((AlertSeverity.Critical, 99.0, Start), (open.Severity, open.Threshold, open.StartedAt));
        var record = Assert.Single(_store.History(Start.AddHours(-1), Start.AddHours(1)));
        Assert.Equal((AlertSeverity.Warning, AlertSeverity.Critical, 95.0), (record.Severity, record.PeakSeverity, record.Threshold));
        Assert.Equal(TimeSpan.FromMinutes(45), record.Duration);
        Assert.Empty(_store.LoadActive());
    }

    [Fact]
    public void RecordOutcomes_OpenedThenSettled_HistoryShowsOutcomeAndCountsSurviveRestart()
    {
        var first = Alert("ppdb003", Metric.MemUsedPct, AlertSeverity.Critical, Start);
        var second = Alert("ppdb004", Metric.MemUsedPct, AlertSeverity.Critical, Start);
        var now = Alert("ppdb005", Metric.MemUsedPct, AlertSeverity.Critical, Start) with { Likelihood = AlertLikelihood.Now };
        _store.Record([new AlertTransition(first, AlertTransitionKind.Fired, Start), new AlertTransition(second, AlertTransitionKind.Fired, Start), new AlertTransition(now, AlertTransitionKind.Fired, Start)]);
        AlertPrediction[] opened =
        [
            new("ppdb003", Metric.MemUsedPct, Start, AlertSeverity.Critical, 98, Start.AddHours(8)),
            new("ppdb004", Metric.MemUsedPct, Start, AlertSeverity.Critical, 98, Start.AddHours(8)),
        ];
        _store.RecordOutcomes(opened, []);

        _store.RecordOutcomes([], [new AlertOutcomeSettlement("ppdb003", Metric.MemUsedPct, Start, AlertSeverity.Critical, AlertOutcome.CameTrue, Start.AddMinutes(40))]);
        _database.Dispose();
        _database = new SqliteDatabase(new SqliteStorageOptions(_directory.Path));
        _store = new AlertStore(_database);

        var history = _store.History(Start.AddHours(-1), Start.AddHours(1)).ToDictionary(r => r.Server);
        Assert.Equal((AlertOutcome.CameTrue, Start.AddMinutes(40)), (history["ppdb003"].Outcome, history["ppdb003"].OutcomeAt));
        Assert.Equal(AlertOutcome.Open, history["ppdb004"].Outcome);
        Assert.Null(history["ppdb005"].Outcome);
        Assert.Equal([opened[1]], _store.LoadOpenPredictions());
        var critical = _store.LoadOutcomeCounts()[(int)AlertSeverity.Critical];
        Assert.Equal((2, 1, 1, 0), (critical.Predicted, critical.Open, critical.CameTrue, critical.DidNotHappen));
    }

    private static ActiveAlert Alert(string server, Metric metric, AlertSeverity severity, DateTimeOffset startedAt) =>
        new(server, metric, severity, AlertLikelihood.Likely, 98, 98.6, 35, startedAt, startedAt);
}
