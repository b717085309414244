using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using Microsoft.Data.Sqlite;

namespace FleetCast.Server.Storage;

/// <summary>Alert lifecycle rows, one per server incident: a fired incident inserts a row with ended_at NULL; a
/// severity change updates that open row in place (headline metric, metrics found so far; peak_severity keeps the
/// highest); its resolution closes it with its end time, duration and every metric found. With a planner,
/// the deliveries of each transition and the routes' firing state are written in the same transaction as the alert rows.</summary>
public sealed class AlertStore : IAlertStore
{
    private const string Columns =
        "id, server, metric, severity, likelihood, threshold, predicted_value, minutes_ahead, started_at, last_evaluated_at, ended_at, " +
        "peak_severity, outcome, outcome_at, outcome_deadline, metrics, outcome_severity";

    private static readonly IReadOnlyDictionary<string, ServerProfile> NoProfiles = new Dictionary<string, ServerProfile>();

    private readonly SqliteDatabase _database;
    private readonly IAlertOutboxPlanner? _planner;

    public AlertStore(SqliteDatabase database, IAlertOutboxPlanner? planner = null)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _planner = planner;
    }

    public void Record(IReadOnlyList<AlertTransition> transitions) => Record(transitions, NoProfiles);

    public void Record(IReadOnlyList<AlertTransition> transitions, IReadOnlyDictionary<string, ServerProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        ArgumentNullException.ThrowIfNull(profiles);
        if (transitions.Count == 0)
        {
            return;
        }

        _database.Write((connection, transaction) =>
        {
            foreach (var transition in transitions)
            {
                switch (transition.Kind)
                {
                    case AlertTransitionKind.Fired:
                        InsertFired(connection, transaction, transition.Alert);
                        break;
                    case AlertTransitionKind.SeverityChanged:
                        UpdateSeverity(connection, transaction, transition.Alert);
                        break;
                    default:
                        CloseOpen(connection, transaction, transition);
                        break;
                }
            }

            if (_planner is not null)
            {
                OutboxStore.Plan(connection, transaction, firing => _planner.Plan(transitions, profiles, firing), _planner.Time.GetUtcNow());
            }

            return transitions.Count;
        });
    }

    /// <summary>One incident per server: rows open several times for a server (a database written when
    /// alerts were per server + metric) are merged (<see cref="IncidentMerge"/>).</summary>
    public IReadOnlyList<ActiveAlert> LoadActive() => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM alert_events WHERE ended_at IS NULL ORDER BY started_at, id;";
        var rows = ReadAll(command, reader =>
        {
            var record = ReadRecord(reader);
            return ActiveAlert.FromFindings(record.Server, [record.Headline], record.Metrics, record.StartedAt, DbValues.FromUnixSeconds(reader.GetInt64(9)));
        });
        return rows.GroupBy(a => a.Server, StringComparer.Ordinal).Select(g => IncidentMerge.Of([.. g])).ToArray();
    });

    public IReadOnlyList<AlertRecord> History(DateTimeOffset from, DateTimeOffset to, string? server = null, int limit = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _database.Read(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText =
                $"""
                SELECT {Columns} FROM alert_events
                WHERE started_at <= $to AND (ended_at IS NULL OR ended_at >= $from)
                  AND ($server IS NULL OR server = $server)
                ORDER BY started_at DESC, id DESC
                LIMIT $limit;
                """;
            command.Parameters.AddWithValue("$from", DbValues.ToUnixSeconds(from));
            command.Parameters.AddWithValue("$to", DbValues.ToUnixSeconds(to));
            command.Parameters.AddWithValue("$server", DbValues.OrNull(server));
            command.Parameters.AddWithValue("$limit", limit);
            return ReadAll(command, ReadRecord);
        });
    }

    private static void InsertFired(SqliteConnection connection, SqliteTransaction transaction, ActiveAlert alert)
    {
        // A server whose incident is already open (e.g. re-fired after a restart that restored it) keeps its one open row.
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            INSERT INTO alert_events (server, metric, severity, likelihood, threshold, predicted_value, minutes_ahead, started_at, last_evaluated_at,
                peak_severity, metrics)
            SELECT $server, $metric, $severity, $likelihood, $threshold, $predicted, $minutes, $started, $evaluated, $severity, $metrics
            WHERE NOT EXISTS (
                SELECT 1 FROM alert_events WHERE server = $server AND ended_at IS NULL);
            """;
        AddKey(command, alert);
        AddEvaluation(command, alert);
        command.Parameters.AddWithValue("$started", DbValues.ToUnixSeconds(alert.StartedAt));
        command.ExecuteNonQuery();
    }

    private static void CloseOpen(SqliteConnection connection, SqliteTransaction transaction, AlertTransition transition)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            UPDATE alert_events
            SET ended_at = $ended, duration_s = $ended - started_at, last_evaluated_at = $ended, metrics = $metrics
            WHERE server = $server AND ended_at IS NULL;
            """;
        AddKey(command, transition.Alert);
        command.Parameters.AddWithValue("$ended", DbValues.ToUnixSeconds(transition.At));
        command.ExecuteNonQuery();
    }

    public void RecordOutcomes(IReadOnlyList<AlertPrediction> opened, IReadOnlyList<AlertOutcomeSettlement> settled)
    {
        ArgumentNullException.ThrowIfNull(opened);
        ArgumentNullException.ThrowIfNull(settled);
        if (opened.Count + settled.Count == 0)
        {
            return;
        }

        // A claim only opens on, or replaces, one not settled yet: a lifecycle keeps its one outcome, so the counts
        // reloaded from these rows equal the tracker's.
        _database.Write((connection, transaction) =>
        {
            foreach (var prediction in opened)
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText =
                    """
                    UPDATE alert_events SET outcome_severity = $severity, outcome_threshold = $threshold, outcome_deadline = $deadline,
                        outcome_claims = $claims
                    WHERE server = $server AND started_at = $started AND outcome IS NULL;
                    """;
                AddRowKey(command, prediction.Server, prediction.StartedAt);
                command.Parameters.AddWithValue("$claims", AlertMetricsJson.WriteClaims(prediction.Claims));
                command.Parameters.AddWithValue("$severity", DbValues.ToText(prediction.Severity));
                command.Parameters.AddWithValue("$threshold", prediction.Threshold);
                command.Parameters.AddWithValue("$deadline", DbValues.ToUnixSeconds(prediction.Deadline));
                command.ExecuteNonQuery();
            }

            foreach (var settlement in settled)
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText =
                    """
                    UPDATE alert_events SET outcome = $outcome, outcome_at = $at
                    WHERE server = $server AND started_at = $started AND outcome_deadline IS NOT NULL AND outcome IS NULL;
                    """;
                AddRowKey(command, settlement.Server, settlement.StartedAt);
                command.Parameters.AddWithValue("$outcome", DbValues.ToText(settlement.Outcome));
                command.Parameters.AddWithValue("$at", DbValues.ToUnixSeconds(settlement.At));
                command.ExecuteNonQuery();
            }

            return opened.Count + settled.Count;
        });
    }

    public IReadOnlyList<AlertPrediction> LoadOpenPredictions() => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT server, metric, started_at, outcome_severity, outcome_threshold, outcome_deadline, outcome_claims, ended_at IS NOT NULL FROM alert_events
            WHERE outcome_deadline IS NOT NULL AND outcome IS NULL ORDER BY id;
            """;
        return ReadAll(command, reader =>
        {
            var claims = AlertMetricsJson.ReadClaims(reader.IsDBNull(6) ? null : reader.GetString(6), DbValues.ParseMetric(reader.GetString(1)), reader.GetDouble(4));
            return new AlertPrediction(reader.GetString(0), claims[0].Metric, DbValues.FromUnixSeconds(reader.GetInt64(2)),
                DbValues.ParseSeverity(reader.GetString(3)), claims[0].Threshold, DbValues.FromUnixSeconds(reader.GetInt64(5)))
            {
                Claims = claims,
                IncidentEnded = reader.GetBoolean(7),
            };
        });
    });

    public IReadOnlyList<(string Server, DateTimeOffset StartedAt)> LoadSettledActive() => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT server, started_at FROM alert_events WHERE ended_at IS NULL AND outcome IS NOT NULL ORDER BY id;";
        return ReadAll(command, reader => (reader.GetString(0), DbValues.FromUnixSeconds(reader.GetInt64(1))));
    });

    public IReadOnlyList<AlertOutcomeCounts> LoadOutcomeCounts() => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT outcome_severity, COALESCE(outcome, 'open'), COUNT(*) FROM alert_events
            WHERE outcome_deadline IS NOT NULL GROUP BY 1, 2;
            """;
        var counts = AlertOutcomeCounts.None.ToArray();
        foreach (var (severity, outcome, count) in ReadAll(command, reader => (DbValues.ParseSeverity(reader.GetString(0)), DbValues.ParseOutcome(reader.GetString(1)), reader.GetInt32(2))))
        {
            var opened = counts[(int)severity].Add(AlertOutcome.Open, count);
            counts[(int)severity] = outcome == AlertOutcome.Open ? opened : opened.Add(outcome, count);
        }

        return counts;
    });

    private static void AddRowKey(SqliteCommand command, string server, DateTimeOffset startedAt)
    {
        command.Parameters.AddWithValue("$server", server);
        command.Parameters.AddWithValue("$started", DbValues.ToUnixSeconds(startedAt));
    }

    private static void UpdateSeverity(SqliteConnection connection, SqliteTransaction transaction, ActiveAlert alert)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            UPDATE alert_events
            SET metric = $metric, severity = $severity, likelihood = $likelihood, threshold = $threshold, predicted_value = $predicted,
                minutes_ahead = $minutes, last_evaluated_at = $evaluated, metrics = $metrics,
                peak_severity = CASE WHEN $severity = 'critical' THEN 'critical' ELSE COALESCE(peak_severity, severity) END
            WHERE server = $server AND ended_at IS NULL;
            """;
        AddKey(command, alert);
        AddEvaluation(command, alert);
        command.ExecuteNonQuery();
    }

    /// <summary>The latest evaluation's fields: likelihood, threshold, predicted value, minutes ahead, when.</summary>
    private static void AddEvaluation(SqliteCommand command, ActiveAlert alert)
    {
        var headline = alert.Headline;
        command.Parameters.AddWithValue("$likelihood", DbValues.ToText(headline.Likelihood));
        command.Parameters.AddWithValue("$threshold", headline.Threshold);
        command.Parameters.AddWithValue("$predicted", headline.PredictedValue);
        command.Parameters.AddWithValue("$minutes", headline.MinutesAhead);
        command.Parameters.AddWithValue("$evaluated", DbValues.ToUnixSeconds(alert.LastEvaluatedAt));
    }

    private static void AddKey(SqliteCommand command, ActiveAlert alert)
    {
        command.Parameters.AddWithValue("$server", alert.Server);
        command.Parameters.AddWithValue("$metric", MetricCatalog.WireName(alert.Headline.Metric));
        command.Parameters.AddWithValue("$severity", DbValues.ToText(alert.Headline.Severity));
        command.Parameters.AddWithValue("$metrics", AlertMetricsJson.WriteMetrics(alert.SeenMetrics));
    }

    private static AlertRecord ReadRecord(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        new AlertMetricFinding(
            DbValues.ParseMetric(reader.GetString(2)),
            DbValues.ParseSeverity(reader.GetString(3)),
            DbValues.ParseLikelihood(reader.GetString(4)),
            reader.GetDouble(5),
            reader.GetDouble(6),
            reader.GetDouble(7)),
        DbValues.FromUnixSeconds(reader.GetInt64(8)),
        reader.IsDBNull(10) ? null : DbValues.FromUnixSeconds(reader.GetInt64(10)))
    {
        PeakSeverity = reader.IsDBNull(11) ? DbValues.ParseSeverity(reader.GetString(3)) : DbValues.ParseSeverity(reader.GetString(11)),
        Outcome = reader.IsDBNull(14) ? null : reader.IsDBNull(12) ? AlertOutcome.Open : DbValues.ParseOutcome(reader.GetString(12)),
        OutcomeAt = reader.IsDBNull(13) ? null : DbValues.FromUnixSeconds(reader.GetInt64(13)),
        OutcomeSeverity = reader.IsDBNull(14) || reader.IsDBNull(16) ? null : DbValues.ParseSeverity(reader.GetString(16)),
        Metrics = AlertMetricsJson.ReadMetrics(reader.IsDBNull(15) ? null : reader.GetString(15), DbValues.ParseMetric(reader.GetString(2))),
    };

    private static List<T> ReadAll<T>(SqliteCommand command, Func<SqliteDataReader, T> map)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
