using FleetCast.Core.Remediation;
using FleetCast.Server.Storage;
using Microsoft.Data.Sqlite;

namespace FleetCast.Server.Remediation;

/// <summary>Remediation actions and their audit trail (table remediation_actions). Status changes are guarded
/// by the status they leave (a pending action starts or is rejected once), so an action runs at most once.</summary>
public sealed class RemediationActionStore(SqliteDatabase database)
{
    private const string Columns =
        "id, rule, mode, kind, server, profile, metric, level, value, alert_started_at, target, status, created_at, " +
        "decided_by, decided_via, decided_at, reason, executed_at, finished_at, http_status, exit_code, output, error";

    private readonly SqliteDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    public bool Exists(string rule, RemediationTrigger trigger) => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM remediation_actions WHERE rule = $rule AND server = $server AND metric = $metric AND alert_started_at = $started;";
        command.Parameters.AddWithValue("$rule", rule);
        command.Parameters.AddWithValue("$server", trigger.Server);
        command.Parameters.AddWithValue("$metric", trigger.Metric);
        command.Parameters.AddWithValue("$started", DbValues.ToUnixSeconds(trigger.AlertStartedAt));
        return command.ExecuteScalar() is not null;
    });

    /// <summary>When the server's last action that counts for the cool-down was created (suppressed ones do not count).</summary>
    public DateTimeOffset? LastCountedFor(string server) => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT MAX(created_at) FROM remediation_actions WHERE server = $server AND status <> '{RemediationStatus.Suppressed}';";
        command.Parameters.AddWithValue("$server", server);
        return command.ExecuteScalar() is long seconds ? DbValues.FromUnixSeconds(seconds) : (DateTimeOffset?)null;
    });

    public int CountedSince(DateTimeOffset since) => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM remediation_actions WHERE created_at > $since AND status <> '{RemediationStatus.Suppressed}';";
        command.Parameters.AddWithValue("$since", DbValues.ToUnixSeconds(since));
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    });

    /// <summary>Stores a new action; null when the rule already acted on this alert lifecycle.</summary>
    public RemediationAction? Insert(ConfiguredRemediationRule rule, RemediationTrigger trigger, string status, DateTimeOffset at,
        string? decidedBy = null, string? reason = null)
    {
        var id = _database.Write((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                """
                INSERT OR IGNORE INTO remediation_actions (rule, mode, kind, server, profile, metric, level, value, alert_started_at, target, status,
                    created_at, decided_by, decided_via, decided_at, reason, executed_at)
                VALUES ($rule, $mode, $kind, $server, $profile, $metric, $level, $value, $started, $target, $status, $at,
                    $by, CASE WHEN $by IS NULL THEN NULL ELSE 'automatic rule' END, CASE WHEN $by IS NULL THEN NULL ELSE $at END, $reason,
                    CASE WHEN $status = 'running' THEN $at END);
                SELECT CASE WHEN changes() = 1 THEN last_insert_rowid() END;
                """;
            command.Parameters.AddWithValue("$rule", rule.Name);
            command.Parameters.AddWithValue("$mode", RemediationModes.ToWire(rule.Rule.Mode));
            command.Parameters.AddWithValue("$kind", rule.Kind);
            command.Parameters.AddWithValue("$server", trigger.Server);
            command.Parameters.AddWithValue("$profile", trigger.Profile);
            command.Parameters.AddWithValue("$metric", trigger.Metric);
            command.Parameters.AddWithValue("$level", DbValues.ToText(trigger.Level));
            command.Parameters.AddWithValue("$value", trigger.Value);
            command.Parameters.AddWithValue("$started", DbValues.ToUnixSeconds(trigger.AlertStartedAt));
            command.Parameters.AddWithValue("$target", rule.DisplayTarget(trigger));
            command.Parameters.AddWithValue("$status", status);
            command.Parameters.AddWithValue("$at", DbValues.ToUnixSeconds(at));
            command.Parameters.AddWithValue("$by", DbValues.OrNull(decidedBy));
            command.Parameters.AddWithValue("$reason", DbValues.OrNull(reason));
            return command.ExecuteScalar() is long inserted ? inserted : (long?)null;
        });
        return id is { } value ? Get(value) : null;
    }

    public RemediationAction? Get(long id) => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM remediation_actions WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    });

    /// <summary>Newest first; <paramref name="status"/> null = every status.</summary>
    public IReadOnlyList<RemediationAction> List(int limit, string? status = null) => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM remediation_actions WHERE ($status IS NULL OR status = $status) ORDER BY id DESC LIMIT $limit;";
        command.Parameters.AddWithValue("$status", DbValues.OrNull(status));
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var actions = new List<RemediationAction>();
        while (reader.Read())
        {
            actions.Add(Read(reader));
        }

        return actions;
    });

    /// <summary>Pending → running, recording who approved; false when the action is not pending (or gone).</summary>
    public bool TryStart(long id, string who, string via, DateTimeOffset at) => Update(
        "status = 'running', decided_by = $who, decided_via = $via, decided_at = $at, executed_at = $at",
        id, RemediationStatus.Pending, ("$who", who), ("$via", via), ("$at", DbValues.ToUnixSeconds(at)));

    /// <summary>Pending → rejected; false when the action is not pending (or gone).</summary>
    public bool TryReject(long id, string who, string via, string? reason, DateTimeOffset at) => Update(
        "status = 'rejected', decided_by = $who, decided_via = $via, decided_at = $at, reason = $reason",
        id, RemediationStatus.Pending, ("$who", who), ("$via", via), ("$at", DbValues.ToUnixSeconds(at)), ("$reason", DbValues.OrNull(reason)));

    /// <summary>Running → succeeded or failed, with what came back.</summary>
    public void Finish(long id, RemediationResult result, DateTimeOffset at) => Update(
        "status = $status, finished_at = $at, http_status = $http, exit_code = $exit, output = $output, error = $error",
        id, RemediationStatus.Running, ("$status", result.Succeeded ? RemediationStatus.Succeeded : RemediationStatus.Failed),
        ("$at", DbValues.ToUnixSeconds(at)), ("$http", (object?)result.HttpStatus ?? DBNull.Value), ("$exit", (object?)result.ExitCode ?? DBNull.Value),
        ("$output", DbValues.OrNull(result.Output)), ("$error", DbValues.OrNull(result.Error)));

    /// <summary>Pending actions created before <paramref name="before"/> expire.</summary>
    public int ExpirePending(DateTimeOffset before, DateTimeOffset at) => _database.Write((connection, transaction) => SqliteCommands.NonQuery(connection, transaction,
        "UPDATE remediation_actions SET status = 'expired', finished_at = $at WHERE status = 'pending' AND created_at < $before;",
        ("$at", DbValues.ToUnixSeconds(at)), ("$before", DbValues.ToUnixSeconds(before))));

    /// <summary>Deletes actions created before <paramref name="cutoff"/> that are no longer pending or running.</summary>
    public int DeleteFinishedBefore(DateTimeOffset cutoff) => _database.Write((connection, transaction) => SqliteCommands.NonQuery(connection, transaction,
        "DELETE FROM remediation_actions WHERE created_at < $cutoff AND status NOT IN ('pending', 'running');",
        ("$cutoff", DbValues.ToUnixSeconds(cutoff))));

    /// <summary>Actions left running by a stop or crash are marked failed, never run again (at most once).</summary>
    public int FailInterrupted(DateTimeOffset at) => _database.Write((connection, transaction) => SqliteCommands.NonQuery(connection, transaction,
        "UPDATE remediation_actions SET status = 'failed', finished_at = $at, error = 'interrupted by a restart; not run again' WHERE status = 'running';",
        ("$at", DbValues.ToUnixSeconds(at))));

    private bool Update(string set, long id, string fromStatus, params (string Name, object Value)[] parameters) =>
        _database.Write((connection, transaction) => SqliteCommands.NonQuery(connection, transaction,
            $"UPDATE remediation_actions SET {set} WHERE id = $id AND status = $from;",
            [.. parameters, ("$id", id), ("$from", fromStatus)])) == 1;

    private static RemediationAction Read(SqliteDataReader reader)
    {
        RemediationModes.TryParse(reader.GetString(2), out var mode);
        return new RemediationAction(reader.GetInt64(0), reader.GetString(1), mode, reader.GetString(3), reader.GetString(4), reader.GetString(5),
            reader.GetString(6), DbValues.ParseSeverity(reader.GetString(7)), reader.GetDouble(8), DbValues.FromUnixSeconds(reader.GetInt64(9)),
            reader.GetString(10), reader.GetString(11), DbValues.FromUnixSeconds(reader.GetInt64(12)))
        {
            DecidedBy = Text(reader, 13),
            DecidedVia = Text(reader, 14),
            DecidedAt = Time(reader, 15),
            Reason = Text(reader, 16),
            ExecutedAt = Time(reader, 17),
            FinishedAt = Time(reader, 18),
            HttpStatus = reader.IsDBNull(19) ? null : reader.GetInt32(19),
            ExitCode = reader.IsDBNull(20) ? null : reader.GetInt32(20),
            Output = Text(reader, 21),
            Error = Text(reader, 22),
        };
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : DbValues.FromUnixSeconds(reader.GetInt64(ordinal));
}
