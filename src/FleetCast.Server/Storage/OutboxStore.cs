using Microsoft.Data.Sqlite;

namespace FleetCast.Server.Storage;

/// <summary>SQLite table <c>outbox</c>. A delivery is pending until it is delivered or has used up its
/// attempts (failed); each state change is one committed write, so a crash at any point resends at most
/// the delivery that was in flight (receivers must tolerate a duplicate: Alertmanager does).</summary>
public sealed class OutboxStore : IOutboxStore
{
    private const string Columns =
        "o.id, o.destination, payload, coalesce(o.summary, ''), o.created_at, o.attempts, o.next_attempt_at, o.last_attempt_at, o.delivered_at, o.failed_at, o.last_error";

    private const string DroppedError = "dropped: the outbox is full (Alerting:MaxStoredDeliveries)";

    private readonly SqliteDatabase _database;

    public OutboxStore(SqliteDatabase database) => _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <summary>Inserts inside a caller's write transaction (the alert events' own), so an alert change and
    /// its deliveries are committed together or not at all.</summary>
    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<OutboxMessage> messages, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            INSERT INTO outbox (destination, payload, summary, created_at, attempts, next_attempt_at)
            VALUES ($destination, $payload, $summary, $now, 0, $now);
            """;
        var destination = command.Parameters.Add("$destination", SqliteType.Text);
        var payload = command.Parameters.Add("$payload", SqliteType.Text);
        var summary = command.Parameters.Add("$summary", SqliteType.Text);
        command.Parameters.AddWithValue("$now", DbValues.ToUnixSeconds(now));
        foreach (var message in messages)
        {
            destination.Value = message.Destination;
            payload.Value = message.Payload;
            summary.Value = message.Summary;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Inside a caller's write transaction: loads the firing rows, plans with them, writes back the
    /// rows the plan set or removed and inserts its deliveries.</summary>
    public static int Plan(SqliteConnection connection, SqliteTransaction transaction, Func<IReadOnlyList<FiringRow>, OutboxPlan> plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var planned = plan(LoadFiring(connection, transaction));
        SaveFiring(connection, transaction, planned);
        Insert(connection, transaction, planned.Messages, now);
        return planned.Messages.Count;
    }

    public int EnqueuePlanned(Func<IReadOnlyList<FiringRow>, IReadOnlySet<string>, OutboxPlan> plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return _database.Write((connection, transaction) =>
        {
            var busy = PendingDestinations(connection, transaction);
            return Plan(connection, transaction, state => plan(state, busy), now);
        });
    }

    public void Enqueue(IReadOnlyList<OutboxMessage> messages, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count > 0)
        {
            _database.Write((connection, transaction) =>
            {
                Insert(connection, transaction, messages, now);
                return messages.Count;
            });
        }
    }

    public IReadOnlyList<OutboxDelivery> Due(DateTimeOffset now, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _database.Read(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText =
                $"""
                SELECT {Columns} FROM outbox o
                WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $now
                  AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.destination = o.destination AND e.id < o.id
                                  AND e.delivered_at IS NULL AND e.failed_at IS NULL AND e.next_attempt_at > $now)
                ORDER BY id LIMIT $limit;
                """;
            command.Parameters.AddWithValue("$now", DbValues.ToUnixSeconds(now));
            command.Parameters.AddWithValue("$limit", limit);
            return ReadAll(command);
        });
    }

    public void MarkDelivered(long id, int attempts, DateTimeOffset at) => Execute(
        "UPDATE outbox SET delivered_at = $at, last_attempt_at = $at, attempts = $attempts WHERE id = $id;",
        command =>
        {
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$attempts", attempts);
            command.Parameters.AddWithValue("$at", DbValues.ToUnixSeconds(at));
        });

    public void MarkAttemptFailed(long id, int attempts, string error, DateTimeOffset at, DateTimeOffset? retryAt)
    {
        ArgumentNullException.ThrowIfNull(error);
        Execute(
            """
            UPDATE outbox SET attempts = $attempts, last_error = $error, last_attempt_at = $at, last_error_at = $at,
                next_attempt_at = coalesce($retry, next_attempt_at), failed_at = CASE WHEN $retry IS NULL THEN $at ELSE NULL END
            WHERE id = $id;
            """,
            command =>
            {
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$attempts", attempts);
                command.Parameters.AddWithValue("$error", error.Length <= 1000 ? error : error[..1000] + "…");
                command.Parameters.AddWithValue("$at", DbValues.ToUnixSeconds(at));
                command.Parameters.AddWithValue("$retry", retryAt is { } r ? (object)(long)Math.Ceiling(r.ToUnixTimeMilliseconds() / 1000.0) : DBNull.Value);
            });
    }

    public IReadOnlyList<DeliveryStats> Stats() => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT o.destination,
                   sum(o.delivered_at IS NOT NULL),
                   sum(o.failed_at IS NOT NULL),
                   sum(o.delivered_at IS NULL AND o.failed_at IS NULL),
                   max(o.delivered_at),
                   max(o.last_error_at),
                   (SELECT e.last_error FROM outbox e WHERE e.destination = o.destination AND e.last_error_at IS NOT NULL
                    ORDER BY e.last_error_at DESC, e.id DESC LIMIT 1)
            FROM outbox o GROUP BY o.destination ORDER BY o.destination;
            """;
        using var reader = command.ExecuteReader();
        var rows = new List<DeliveryStats>();
        while (reader.Read())
        {
            rows.Add(new DeliveryStats(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                Time(reader, 5),
                Time(reader, 4)));
        }

        return rows;
    });

    public IReadOnlyList<OutboxDelivery> Recent(int limit, string? destination = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _database.Read(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText =
                $"""
                SELECT {Columns} FROM outbox o WHERE ($destination IS NULL OR o.destination = $destination)
                ORDER BY id DESC LIMIT $limit;
                """;
            command.Parameters.AddWithValue("$destination", DbValues.OrNull(destination));
            command.Parameters.AddWithValue("$limit", limit);
            return ReadAll(command);
        });
    }

    public (int Deleted, int Dropped) Trim(DateTimeOffset finishedBefore, int maxRows, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        return _database.Write((connection, transaction) =>
        {
            var deleted = SqliteCommands.NonQuery(connection, transaction,
                "DELETE FROM outbox WHERE coalesce(delivered_at, failed_at) < $cutoff;",
                ("$cutoff", DbValues.ToUnixSeconds(finishedBefore)));

            // Over the cap: the oldest pending beyond it are dropped (marked failed, so they show up in the
            // counts), then the oldest finished rows are deleted until the cap holds.
            var dropped = SqliteCommands.NonQuery(connection, transaction,
                """
                UPDATE outbox SET failed_at = $now, last_error = $error, last_error_at = $now
                WHERE id IN (SELECT id FROM outbox WHERE delivered_at IS NULL AND failed_at IS NULL
                             ORDER BY id DESC LIMIT -1 OFFSET $max);
                """,
                ("$now", DbValues.ToUnixSeconds(now)), ("$error", DroppedError), ("$max", maxRows));
            deleted += SqliteCommands.NonQuery(connection, transaction,
                """
                DELETE FROM outbox WHERE id IN (
                    SELECT id FROM outbox WHERE delivered_at IS NOT NULL OR failed_at IS NOT NULL
                    ORDER BY id LIMIT max(0, (SELECT count(*) FROM outbox) - $max));
                """,
                ("$max", maxRows));
            return (deleted, dropped);
        });
    }

    private static List<FiringRow> LoadFiring(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT route, alert_key, notice, first_sent_at, last_sent_at FROM alert_firing;";
        using var reader = command.ExecuteReader();
        var rows = new List<FiringRow>();
        while (reader.Read())
        {
            rows.Add(new FiringRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), Time(reader, 3), Time(reader, 4)));
        }

        return rows;
    }

    private static void SaveFiring(SqliteConnection connection, SqliteTransaction transaction, OutboxPlan plan)
    {
        foreach (var (route, key) in plan.Removed)
        {
            SqliteCommands.NonQuery(connection, transaction, "DELETE FROM alert_firing WHERE route = $route AND alert_key = $key;", ("$route", route), ("$key", key));
        }

        foreach (var row in plan.Firing)
        {
            SqliteCommands.NonQuery(connection, transaction,
                """
                INSERT INTO alert_firing (route, alert_key, notice, first_sent_at, last_sent_at) VALUES ($route, $key, $notice, $first, $last)
                ON CONFLICT (route, alert_key) DO UPDATE SET notice = $notice, first_sent_at = $first, last_sent_at = $last;
                """,
                ("$route", row.Route), ("$key", row.Key), ("$notice", row.Notice),
                ("$first", row.FirstSentAt is { } first ? (object)DbValues.ToUnixSeconds(first) : DBNull.Value),
                ("$last", row.LastSentAt is { } last ? (object)DbValues.ToUnixSeconds(last) : DBNull.Value));
        }
    }

    private static HashSet<string> PendingDestinations(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT DISTINCT destination FROM outbox WHERE delivered_at IS NULL AND failed_at IS NULL;";
        using var reader = command.ExecuteReader();
        var destinations = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            destinations.Add(reader.GetString(0));
        }

        return destinations;
    }

    private void Execute(string sql, Action<SqliteCommand> bind) => _database.Write((connection, transaction) =>
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind(command);
        return command.ExecuteNonQuery();
    });

    private static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DbValues.FromUnixSeconds(reader.GetInt64(ordinal));

    private static List<OutboxDelivery> ReadAll(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<OutboxDelivery>();
        while (reader.Read())
        {
            rows.Add(new OutboxDelivery(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                DbValues.FromUnixSeconds(reader.GetInt64(4)),
                reader.GetInt32(5),
                DbValues.FromUnixSeconds(reader.GetInt64(6)),
                Time(reader, 7),
                Time(reader, 8),
                Time(reader, 9),
                reader.IsDBNull(10) ? null : reader.GetString(10)));
        }

        return rows;
    }
}
