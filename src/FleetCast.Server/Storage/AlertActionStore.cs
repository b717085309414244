using FleetCast.Core.Alerts;
using Microsoft.Data.Sqlite;

namespace FleetCast.Server.Storage;

/// <summary>SQLite rows for acknowledgements (one per alert key, in <c>acknowledgements</c>) and silences
/// (<c>silences</c>). Each write is one committed transaction before the call returns, so an
/// acknowledgement or silence that was answered with success survives a restart.</summary>
public sealed class AlertActionStore : IAlertActionStore
{
    private const string SilenceColumns = "id, server, metric, created_by, reason, created_at, until, cancelled_at, cancelled_by";

    private readonly SqliteDatabase _database;

    public AlertActionStore(SqliteDatabase database) => _database = database ?? throw new ArgumentNullException(nameof(database));

    public void SaveAcknowledgement(Acknowledgement acknowledgement)
    {
        ArgumentNullException.ThrowIfNull(acknowledgement);
        _database.Write((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                """
                INSERT INTO acknowledgements (alert_key, acknowledged_by, until, note, created_at, alert_started_at)
                VALUES ($key, $by, NULL, $note, $at, $started)
                ON CONFLICT (alert_key) DO UPDATE SET
                    acknowledged_by = excluded.acknowledged_by, note = excluded.note,
                    created_at = excluded.created_at, alert_started_at = excluded.alert_started_at;
                """;
            command.Parameters.AddWithValue("$key", acknowledgement.Key);
            command.Parameters.AddWithValue("$by", acknowledgement.By);
            command.Parameters.AddWithValue("$note", DbValues.OrNull(acknowledgement.Comment));
            command.Parameters.AddWithValue("$at", DbValues.ToUnixSeconds(acknowledgement.At));
            command.Parameters.AddWithValue("$started", DbValues.ToUnixSeconds(acknowledgement.AlertStartedAt));
            return command.ExecuteNonQuery();
        });
    }

    public IReadOnlyList<Acknowledgement> LoadAcknowledgements() => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT alert_key, acknowledged_by, note, created_at, alert_started_at FROM acknowledgements WHERE alert_started_at IS NOT NULL ORDER BY alert_key;";
        using var reader = command.ExecuteReader();
        var rows = new List<Acknowledgement>();
        while (reader.Read())
        {
            // Rows whose key cannot be parsed were not written by this store; they are skipped, not guessed at.
            if (AlertKeys.TryParse(reader.GetString(0), out var server, out var metric, out var severity))
            {
                rows.Add(new Acknowledgement(server, metric, severity, DbValues.FromUnixSeconds(reader.GetInt64(4)), reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2), DbValues.FromUnixSeconds(reader.GetInt64(3))));
            }
        }

        return rows;
    });

    public Silence AddSilence(Silence silence)
    {
        ArgumentNullException.ThrowIfNull(silence);
        var id = _database.Write((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                """
                INSERT INTO silences (server, metric, created_by, reason, created_at, until, cancelled_at, cancelled_by)
                VALUES ($server, $metric, $by, $reason, $created, $until, $cancelledAt, $cancelledBy)
                RETURNING id;
                """;
            command.Parameters.AddWithValue("$server", DbValues.OrNull(silence.Server));
            command.Parameters.AddWithValue("$metric", DbValues.OrNull(silence.Metric));
            command.Parameters.AddWithValue("$by", silence.By);
            command.Parameters.AddWithValue("$reason", silence.Reason);
            command.Parameters.AddWithValue("$created", DbValues.ToUnixSeconds(silence.CreatedAt));
            command.Parameters.AddWithValue("$until", DbValues.ToUnixSeconds(silence.Until));
            command.Parameters.AddWithValue("$cancelledAt", silence.CancelledAt is { } c ? DbValues.ToUnixSeconds(c) : DBNull.Value);
            command.Parameters.AddWithValue("$cancelledBy", DbValues.OrNull(silence.CancelledBy));
            return (long)command.ExecuteScalar()!;
        });
        return silence with
        {
            Id = id,
            CreatedAt = DbValues.FromUnixSeconds(DbValues.ToUnixSeconds(silence.CreatedAt)),
            Until = DbValues.FromUnixSeconds(DbValues.ToUnixSeconds(silence.Until)),
        };
    }

    public Silence? FindSilence(long id) => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SilenceColumns} FROM silences WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        return ReadSilences(command).FirstOrDefault();
    });

    public bool CancelSilence(long id, string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        return _database.Write((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                "UPDATE silences SET cancelled_at = $at, cancelled_by = $by WHERE id = $id AND cancelled_at IS NULL AND until > $at;";
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$by", by);
            command.Parameters.AddWithValue("$at", DbValues.ToUnixSeconds(at));
            return command.ExecuteNonQuery() == 1;
        });
    }

    public IReadOnlyList<Silence> LoadSilences(DateTimeOffset now, bool includeInactive = false, int limit = 1_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _database.Read(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = includeInactive
                ? $"""
                  SELECT {SilenceColumns} FROM silences
                  ORDER BY (cancelled_at IS NULL AND until > $now) DESC,
                           CASE WHEN cancelled_at IS NULL AND until > $now THEN until END, id DESC
                  LIMIT $limit;
                  """
                : $"SELECT {SilenceColumns} FROM silences WHERE cancelled_at IS NULL AND until > $now ORDER BY until, id LIMIT $limit;";
            command.Parameters.AddWithValue("$now", DbValues.ToUnixSeconds(now));
            command.Parameters.AddWithValue("$limit", limit);
            return ReadSilences(command);
        });
    }

    public long? FindOpenAlertId(string server, string metric, string severity) => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT MIN(id) FROM alert_events WHERE server = $server AND metric = $metric AND severity = $severity AND ended_at IS NULL;";
        command.Parameters.AddWithValue("$server", server);
        command.Parameters.AddWithValue("$metric", metric);
        command.Parameters.AddWithValue("$severity", severity);
        return command.ExecuteScalar() is long id ? id : (long?)null;
    });

    public (string Server, string Metric, string Severity)? FindOpenAlert(long alertId) => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT server, metric, severity FROM alert_events WHERE id = $id AND ended_at IS NULL;";
        command.Parameters.AddWithValue("$id", alertId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetString(1), reader.GetString(2)) : ((string, string, string)?)null;
    });

    public IReadOnlyDictionary<string, long> OpenAlertIds() => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT server, MIN(id) FROM alert_events WHERE ended_at IS NULL GROUP BY server;";
        using var reader = command.ExecuteReader();
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            ids[reader.GetString(0)] = reader.GetInt64(1);
        }

        return ids;
    });

    private static List<Silence> ReadSilences(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<Silence>();
        while (reader.Read())
        {
            rows.Add(new Silence(
                reader.GetInt64(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                DbValues.FromUnixSeconds(reader.GetInt64(5)),
                DbValues.FromUnixSeconds(reader.GetInt64(6)),
                reader.IsDBNull(7) ? null : DbValues.FromUnixSeconds(reader.GetInt64(7)),
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return rows;
    }
}
