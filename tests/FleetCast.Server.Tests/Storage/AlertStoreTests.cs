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

    private static ActiveAlert Alert(string server, Metric metric, AlertSeverity severity, DateTimeOffset startedAt) =>
        new(server, metric, severity, AlertLikelihood.Likely, 98, 98.6, 35, startedAt, startedAt);
}
