using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Windows;
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
    public void History_WarningClaimOfAnIncidentThatPeakedCritical_ShowsTheSeverityItWasCountedUnder()
    {
        var warning = Alert("ppdb007", Metric.MemUsedPct, AlertSeverity.Warning, Start);
        _store.Record([new AlertTransition(warning, AlertTransitionKind.Fired, Start)]);
        _store.RecordOutcomes([new AlertPrediction("ppdb007", Metric.MemUsedPct, Start, AlertSeverity.Warning, 90, Start.AddHours(8))], []);
        var critical = warning with { Headline = warning.Headline with { Severity = AlertSeverity.Critical, Likelihood = AlertLikelihood.Now } };
        _store.Record([new AlertTransition(critical, AlertTransitionKind.SeverityChanged, Start.AddMinutes(10)) { PreviousSeverity = AlertSeverity.Warning }]);
        _store.RecordOutcomes([], [new AlertOutcomeSettlement("ppdb007", Metric.MemUsedPct, Start, AlertSeverity.Warning, AlertOutcome.CameTrue, Start.AddMinutes(10))]);

        var record = Assert.Single(_store.History(Start.AddHours(-1), Start.AddHours(1)));

        Assert.Equal(AlertSeverity.Critical, record.PeakSeverity);
        Assert.Equal(AlertSeverity.Warning, record.OutcomeSeverity);
        Assert.Equal(1, _store.LoadOutcomeCounts()[(int)AlertSeverity.Warning].CameTrue);
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
        Assert.Equal(AlertSeverity.Critical, history["ppdb003"].OutcomeSeverity);
        Assert.Null(history["ppdb005"].OutcomeSeverity);
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

    [Fact]
    public void RecordOutcomes_LifecycleSettledThenEscalatedAgain_TrackerCountsEqualWhatARestartReloads()
    {
        var tracker = new AlertOutcomeTracker(TimeSpan.FromHours(8));
        StepOutcomes(tracker, 0, 97, new AlertTransition(Incident(AlertSeverity.Critical, AlertLikelihood.Possible, 98, 0), AlertTransitionKind.Fired, At(0)));
        StepOutcomes(tracker, 1, 98.5);
        StepOutcomes(tracker, 2, 92, new AlertTransition(Incident(AlertSeverity.Warning, AlertLikelihood.Now, 90, 2), AlertTransitionKind.SeverityChanged, At(2)) { PreviousSeverity = AlertSeverity.Critical });
        StepOutcomes(tracker, 3, 95, new AlertTransition(Incident(AlertSeverity.Critical, AlertLikelihood.Likely, 98, 3), AlertTransitionKind.SeverityChanged, At(3)) { PreviousSeverity = AlertSeverity.Warning });
        var before = tracker.Counts;

        _store = new AlertStore(_temp.Reopen());
        var reloaded = _store.LoadOutcomeCounts();
        var restarted = new AlertOutcomeTracker(TimeSpan.FromHours(8), _store.LoadOpenPredictions(), reloaded, _store.LoadSettledActive());
        StepOutcomes(restarted, 4, 92, new AlertTransition(Incident(AlertSeverity.Warning, AlertLikelihood.Now, 90, 4), AlertTransitionKind.SeverityChanged, At(4)) { PreviousSeverity = AlertSeverity.Critical });
        StepOutcomes(restarted, 5, 95, new AlertTransition(Incident(AlertSeverity.Critical, AlertLikelihood.Likely, 98, 5), AlertTransitionKind.SeverityChanged, At(5)) { PreviousSeverity = AlertSeverity.Warning });

        Assert.Equal(new AlertOutcomeCounts(AlertSeverity.Critical, 1, 0, 1, 0), before[(int)AlertSeverity.Critical]);
        Assert.Equal(before, reloaded);
        Assert.Equal(before, restarted.Counts);
        Assert.Equal(before, _store.LoadOutcomeCounts());
        var record = Assert.Single(_store.History(Start.AddHours(-1), Start.AddHours(1)));
        Assert.Equal((AlertOutcome.CameTrue, At(1)), (record.Outcome, record.OutcomeAt));
    }

    [Fact]
    public void RecordOutcomes_ClaimOnARowThatSettled_LeavesItsOutcomeAndClaim()
    {
        _store.Record([new AlertTransition(Alert("ppdb003", Metric.MemUsedPct, AlertSeverity.Warning, Start), AlertTransitionKind.Fired, Start)]);
        _store.RecordOutcomes([new AlertPrediction("ppdb003", Metric.MemUsedPct, Start, AlertSeverity.Warning, 90, Start.AddHours(8))], []);
        _store.RecordOutcomes([], [new AlertOutcomeSettlement("ppdb003", Metric.MemUsedPct, Start, AlertSeverity.Warning, AlertOutcome.DidNotHappen, Start.AddHours(8))]);

        _store.RecordOutcomes([new AlertPrediction("ppdb003", Metric.MemUsedPct, Start, AlertSeverity.Critical, 98, Start.AddHours(9))], []);

        Assert.Equal(AlertOutcome.DidNotHappen, Assert.Single(_store.History(Start.AddHours(-1), Start.AddHours(1))).Outcome);
        Assert.Empty(_store.LoadOpenPredictions());
        Assert.Equal([new AlertOutcomeCounts(AlertSeverity.Warning, 1, 0, 0, 1), new AlertOutcomeCounts(AlertSeverity.Critical, 0, 0, 0, 0)], _store.LoadOutcomeCounts());
    }

    [Fact]
    public void LoadSettledActive_AndOpenPredictions_SayWhichLifecyclesSettledAndWhichEndedWithTheirClaimOpen()
    {
        var settledFiring = Alert("ppdb003", Metric.MemUsedPct, AlertSeverity.Critical, Start);
        var settledResolved = Alert("ppdb004", Metric.MemUsedPct, AlertSeverity.Critical, Start);
        var openResolved = Alert("ppdb005", Metric.MemUsedPct, AlertSeverity.Critical, Start);
        var openFiring = Alert("ppdb006", Metric.MemUsedPct, AlertSeverity.Critical, Start);
        _store.Record([.. new[] { settledFiring, settledResolved, openResolved, openFiring }.Select(a => new AlertTransition(a, AlertTransitionKind.Fired, Start))]);
        var claims = new[] { "ppdb003", "ppdb004", "ppdb005", "ppdb006" }.Select(s => new AlertPrediction(s, Metric.MemUsedPct, Start, AlertSeverity.Critical, 98, Start.AddHours(8))).ToArray();
        _store.RecordOutcomes(claims, [.. new[] { "ppdb003", "ppdb004" }.Select(s => new AlertOutcomeSettlement(s, Metric.MemUsedPct, Start, AlertSeverity.Critical, AlertOutcome.CameTrue, Start.AddMinutes(20)))]);
        _store.Record([new AlertTransition(settledResolved, AlertTransitionKind.Resolved, Start.AddMinutes(30)), new AlertTransition(openResolved, AlertTransitionKind.Resolved, Start.AddMinutes(30))]);

        _store = new AlertStore(_temp.Reopen());

        Assert.Equal([("ppdb003", Start)], _store.LoadSettledActive());
        Assert.Equal([claims[2] with { IncidentEnded = true }, claims[3]], _store.LoadOpenPredictions());
    }

    /// <summary>One engine step's outcome work for ppdb003: its transitions stored, the claims settled against
    /// its memory at <paramref name="step"/>, then opened, and both stored.</summary>
    private void StepOutcomes(AlertOutcomeTracker tracker, int step, double memory, params AlertTransition[] transitions)
    {
        _store.Record(transitions);
        var values = new float[MetricCatalog.Count];
        values[(int)Metric.MemUsedPct] = (float)memory;
        var window = new ServerWindow("ppdb003", ServerProfile.Database, At(step), 300, values, [.. Enumerable.Repeat(true, MetricCatalog.Count)]);
        var settled = tracker.Settle(At(step), _ => window);
        _store.RecordOutcomes(tracker.Open(transitions), settled);
    }

    private static DateTimeOffset At(int step) => Start.AddMinutes(5 * step);

    private static ActiveAlert Incident(AlertSeverity severity, AlertLikelihood likelihood, double threshold, int step) =>
        new("ppdb003", new AlertMetricFinding(Metric.MemUsedPct, severity, likelihood, threshold, threshold + 0.5, 35), Start, At(step));

    private static ActiveAlert Alert(string server, Metric metric, AlertSeverity severity, DateTimeOffset startedAt) =>
        new(server, new AlertMetricFinding(metric, severity, AlertLikelihood.Likely, 98, 98.6, 35), startedAt, startedAt);
}
