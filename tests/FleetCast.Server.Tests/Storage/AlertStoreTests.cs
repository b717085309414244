using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace FleetCast.Server.Tests.Storage;

public sealed class AlertStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = Samples.Origin;

    private readonly TempDatabase _temp = new();
    private AlertStore _store;

    public AlertStoreTests() => _store = new AlertStore(_temp.Database);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Record_FiredThenResolved_HistoryHasEndAndDuration()
    {
        var alert = Alert("ppdb003", Metric.MemUsedPct, AlertSeverity.Critical, Start);
        _store.Record([new AlertTransition(alert, AlertTransitionKind.Fired, Start)]);

        _store.Record([new AlertTransition(alert, AlertTransitionKind.Resolved, Start.AddMinutes(35))]);

        var record = Assert.Single(_store.History(Start.AddHours(-1), Start.AddHours(1)));
        Assert.Equal("ppdb003", record.Server);
        Assert.Equal(Metric.MemUsedPct, record.Headline.Metric);
        Assert.Equal(AlertSeverity.Critical, record.Headline.Severity);
        Assert.Equal(AlertLikelihood.Likely, record.Headline.Likelihood);
        Assert.Equal(98, record.Headline.Threshold);
        Assert.Equal(98.6, record.Headline.PredictedValue);
        Assert.Equal(35, record.Headline.MinutesAhead);
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

        _store = new AlertStore(_temp.Reopen());
        var active = _store.LoadActive();

        var restored = Assert.Single(active);
        Assert.Equal(firing, restored);
        Assert.Equal(new AlertKey("ppdb003"), restored.Key);
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

        Assert.Equal([Metric.SwapUsedPct, Metric.CpuUserPct], history.Select(r => r.Headline.Metric));
        Assert.Null(history[0].EndedAt);
        Assert.Null(history[0].Duration);
    }

    [Fact]
    public void Record_SeverityChangedTwice_OneRowEndsAsWarningWithPeakCritical()
    {
        var warning = Alert("ppdb003", Metric.MemUsedPct, AlertSeverity.Warning, Start);
        warning = warning with { Headline = warning.Headline with { Threshold = 95 } };
        var critical = warning with { Headline = warning.Headline with { Severity = AlertSeverity.Critical, Threshold = 99 }, LastEvaluatedAt = Start.AddMinutes(10) };
        _store.Record([new AlertTransition(warning, AlertTransitionKind.Fired, Start)]);
        _store.Record([new AlertTransition(critical, AlertTransitionKind.SeverityChanged, Start.AddMinutes(10)) { PreviousSeverity = AlertSeverity.Warning }]);
        var open = Assert.Single(_store.LoadActive());
        _store.Record([new AlertTransition(warning with { LastEvaluatedAt = Start.AddMinutes(30) }, AlertTransitionKind.SeverityChanged, Start.AddMinutes(30)) { PreviousSeverity = AlertSeverity.Critical }]);

        _store.Record([new AlertTransition(warning, AlertTransitionKind.Resolved, Start.AddMinutes(45))]);

        Assert.Equal((AlertSeverity.Critical, 99.0, Start), (open.Headline.Severity, open.Headline.Threshold, open.StartedAt));
        var record = Assert.Single(_store.History(Start.AddHours(-1), Start.AddHours(1)));
        Assert.Equal((AlertSeverity.Warning, AlertSeverity.Critical, 95.0), (record.Headline.Severity, record.PeakSeverity, record.Headline.Threshold));
        Assert.Equal(TimeSpan.FromMinutes(45), record.Duration);
        Assert.Empty(_store.LoadActive());
    }

    [Fact]
    public void RecordOutcomes_OpenedThenSettled_HistoryShowsOutcomeAndCountsSurviveRestart()
    {
        var first = Alert("ppdb003", Metric.MemUsedPct, AlertSeverity.Critical, Start);
        var second = Alert("ppdb004", Metric.MemUsedPct, AlertSeverity.Critical, Start);
        var now = Alert("ppdb005", Metric.MemUsedPct, AlertSeverity.Critical, Start);
        now = now with { Headline = now.Headline with { Likelihood = AlertLikelihood.Now } };
        _store.Record([new AlertTransition(first, AlertTransitionKind.Fired, Start), new AlertTransition(second, AlertTransitionKind.Fired, Start), new AlertTransition(now, AlertTransitionKind.Fired, Start)]);
        AlertPrediction[] opened =
        [
            new("ppdb003", Metric.MemUsedPct, Start, AlertSeverity.Critical, 98, Start.AddHours(8)),
            new("ppdb004", Metric.MemUsedPct, Start, AlertSeverity.Critical, 98, Start.AddHours(8)),
        ];
        _store.RecordOutcomes(opened, []);

        _store.RecordOutcomes([], [new AlertOutcomeSettlement("ppdb003", Metric.MemUsedPct, Start, AlertSeverity.Critical, AlertOutcome.CameTrue, Start.AddMinutes(40))]);
        _store = new AlertStore(_temp.Reopen());

        var history = _store.History(Start.AddHours(-1), Start.AddHours(1)).ToDictionary(r => r.Server);
        Assert.Equal((AlertOutcome.CameTrue, Start.AddMinutes(40)), (history["ppdb003"].Outcome, history["ppdb003"].OutcomeAt));
        Assert.Equal(AlertOutcome.Open, history["ppdb004"].Outcome);
        Assert.Null(history["ppdb005"].Outcome);
        Assert.Equal([opened[1]], _store.LoadOpenPredictions());
        var critical = _store.LoadOutcomeCounts()[(int)AlertSeverity.Critical];
        Assert.Equal((2, 1, 1, 0), (critical.Predicted, critical.Open, critical.CameTrue, critical.DidNotHappen));
    }

    [Fact]
    public void Record_IncidentOfSeveralMetrics_OneRowWithTheHeadlineAndEveryMetric()
    {
        var fired = Alert("ppdb003", Metric.MemUsedPct, AlertSeverity.Warning, Start) with { SeenMetrics = [Metric.MemUsedPct, Metric.SwapUsedPct] };
        var escalated = Alert("ppdb003", Metric.CpuIdlePct, AlertSeverity.Critical, Start) with
        {
            LastEvaluatedAt = Start.AddMinutes(5),
            SeenMetrics = [Metric.CpuIdlePct, Metric.MemUsedPct, Metric.SwapUsedPct],
        };
        _store.Record([new AlertTransition(fired, AlertTransitionKind.Fired, Start)]);
        _store.Record([new AlertTransition(escalated, AlertTransitionKind.SeverityChanged, Start.AddMinutes(5)) { PreviousSeverity = AlertSeverity.Warning }]);
        var open = Assert.Single(_store.LoadActive());

        _store.Record([new AlertTransition(escalated with { SeenMetrics = [Metric.CpuIdlePct, Metric.MemUsedPct, Metric.SwapUsedPct, Metric.JavaCpuPct] },
            AlertTransitionKind.Resolved, Start.AddMinutes(30))]);

        Assert.Equal((Metric.CpuIdlePct, AlertSeverity.Critical, Start), (open.Headline.Metric, open.Headline.Severity, open.StartedAt));
        Assert.Equal([Metric.CpuIdlePct, Metric.MemUsedPct, Metric.SwapUsedPct], open.SeenMetrics);
        var record = Assert.Single(_store.History(Start.AddHours(-1), Start.AddHours(1)));
        Assert.Equal(Metric.CpuIdlePct, record.Headline.Metric);
        Assert.Equal([Metric.CpuIdlePct, Metric.MemUsedPct, Metric.SwapUsedPct, Metric.JavaCpuPct], record.Metrics);
    }

    [Fact]
    public void Record_SecondMetricOfAServerFiredWhileItsIncidentIsOpen_KeepsOneOpenRow()
    {
        _store.Record([new AlertTransition(Alert("ppdb003", Metric.MemUsedPct, AlertSeverity.Critical, Start), AlertTransitionKind.Fired, Start)]);
        _store.Record([new AlertTransition(Alert("ppdb003", Metric.CpuIdlePct, AlertSeverity.Warning, Start.AddMinutes(5)), AlertTransitionKind.Fired, Start.AddMinutes(5))]);

        var open = Assert.Single(_store.LoadActive());
        Assert.Equal((Metric.MemUsedPct, Start), (open.Headline.Metric, open.StartedAt));
        Assert.Single(_store.History(Start.AddHours(-1), Start.AddHours(1)));
    }

    [Fact]
    public void Open_DatabaseWithSeveralOpenRowsPerServer_RestoresOneIncidentPerServerWithEarliestStartAndMostSevere()
    {
        using var directory = new TempDirectory();
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(directory.Path, SqliteDatabase.FileName)};Pooling=False"))
        {
            connection.Open();
            SchemaMigrations.Apply(connection, SchemaMigrations.IncidentsVersion - 1);
            using var insert = connection.CreateCommand();
            insert.CommandText =
                """
                INSERT INTO alert_events (server, metric, severity, likelihood, threshold, predicted_value, minutes_ahead, started_at, last_evaluated_at, peak_severity)
                VALUES ('ppdb003', 'mem_used_pct', 'warning', 'now', 95, 96, 0, 1000, 4000, 'warning'),
                       ('ppdb003', 'cpu_idle_pct', 'critical', 'likely', 10, 8, 30, 2000, 4000, 'critical'),
                       ('ppdb003', 'swap_used_pct', 'warning', 'likely', 25, 30, 60, 3000, 4000, 'warning'),
                       ('ppweb001', 'mem_used_pct', 'warning', 'now', 95, 96, 0, 1500, 4000, 'warning');
                """;
            insert.ExecuteNonQuery();
        }

        using var migrated = new SqliteDatabase(new SqliteStorageOptions(directory.Path));
        var store = new AlertStore(migrated);
        var active = store.LoadActive();

        Assert.Equal(["ppdb003", "ppweb001"], active.Select(a => a.Server).Order(StringComparer.Ordinal));
        var incident = active.Single(a => a.Server == "ppdb003");
        Assert.Equal((Metric.CpuIdlePct, AlertSeverity.Critical, DateTimeOffset.FromUnixTimeSeconds(1000)), (incident.Headline.Metric, incident.Headline.Severity, incident.StartedAt));
        Assert.Equal([Metric.CpuIdlePct, Metric.MemUsedPct, Metric.SwapUsedPct], incident.SeenMetrics);
        var rows = store.History(DateTimeOffset.FromUnixTimeSeconds(0), DateTimeOffset.FromUnixTimeSeconds(10_000), "ppdb003");
        Assert.Equal(3, rows.Count);
        Assert.Single(rows, r => r.EndedAt is null);
        Assert.All(rows.Where(r => r.EndedAt is not null), r => Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(4000), r.EndedAt));
    }

    [Fact]
    public void LoadActive_SeveralOpenRowsOfOneServer_MergesThemIntoOneIncident()
    {
        _temp.Database.Write((connection, transaction) =>
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText =
                """
                INSERT INTO alert_events (server, metric, severity, likelihood, threshold, predicted_value, minutes_ahead, started_at, last_evaluated_at, peak_severity, metrics)
                VALUES ('ppdb003', 'mem_used_pct', 'warning', 'now', 95, 96, 0, 1000, 4000, 'warning', NULL),
                       ('ppdb003', 'cpu_idle_pct', 'critical', 'likely', 10, 8, 30, 2000, 5000, 'critical', '["cpu_idle_pct","java_cpu_pct"]');
                """;
            return insert.ExecuteNonQuery();
        });

        var incident = Assert.Single(_store.LoadActive());

        Assert.Equal((Metric.CpuIdlePct, AlertSeverity.Critical), (incident.Headline.Metric, incident.Headline.Severity));
        Assert.Equal((DateTimeOffset.FromUnixTimeSeconds(1000), DateTimeOffset.FromUnixTimeSeconds(5000)), (incident.StartedAt, incident.LastEvaluatedAt));
        Assert.Equal([Metric.CpuIdlePct, Metric.MemUsedPct, Metric.JavaCpuPct], incident.SeenMetrics);
    }

    [Fact]
    public void RecordOutcomes_IncidentClaimingSeveralCrossings_RestoresEveryClaim()
    {
        _store.Record([new AlertTransition(Alert("ppdb003", Metric.MemUsedPct, AlertSeverity.Critical, Start), AlertTransitionKind.Fired, Start)]);
        var prediction = new AlertPrediction("ppdb003", Metric.MemUsedPct, Start, AlertSeverity.Critical, 98, Start.AddHours(8))
        {
            Claims = [new AlertClaim(Metric.MemUsedPct, 98), new AlertClaim(Metric.CpuIdlePct, 10)],
        };

        _store.RecordOutcomes([prediction], []);

        Assert.Equal([prediction], _store.LoadOpenPredictions());
        _store.RecordOutcomes([], [new AlertOutcomeSettlement("ppdb003", Metric.CpuIdlePct, Start, AlertSeverity.Critical, AlertOutcome.CameTrue, Start.AddMinutes(20))]);
        Assert.Equal(AlertOutcome.CameTrue, Assert.Single(_store.History(Start.AddHours(-1), Start.AddHours(1))).Outcome);
    }

    private static ActiveAlert Alert(string server, Metric metric, AlertSeverity severity, DateTimeOffset startedAt) =>
        new(server, new AlertMetricFinding(metric, severity, AlertLikelihood.Likely, 98, 98.6, 35), startedAt, startedAt);
}
