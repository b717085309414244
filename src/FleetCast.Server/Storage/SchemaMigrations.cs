using FleetCast.Core.Metrics;
using Microsoft.Data.Sqlite;

namespace FleetCast.Server.Storage;

/// <summary>Ordered schema migrations; <c>PRAGMA user_version</c> records how many have run.
/// Append new migrations at the end, never edit a shipped one.</summary>
internal static class SchemaMigrations
{
    /// <summary>Times are unix seconds (INTEGER) throughout; metric columns use the wire names.</summary>
    private static readonly string[] Migrations =
    [
        $"""
        CREATE TABLE samples (
            server TEXT NOT NULL,
            ts INTEGER NOT NULL,
            profile TEXT,
            {string.Join(",\n    ", MetricCatalog.All.Select(d => d.WireName + " REAL"))},
            PRIMARY KEY (server, ts)
        ) WITHOUT ROWID;
        CREATE INDEX samples_ts ON samples (ts);

        CREATE TABLE alert_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            server TEXT NOT NULL,
            metric TEXT NOT NULL,
            severity TEXT NOT NULL,
            likelihood TEXT NOT NULL,
            threshold REAL NOT NULL,
            predicted_value REAL NOT NULL,
            minutes_ahead REAL NOT NULL,
            started_at INTEGER NOT NULL,
            last_evaluated_at INTEGER NOT NULL,
            ended_at INTEGER,
            duration_s INTEGER
        );
        CREATE INDEX alert_events_open ON alert_events (server, metric, severity) WHERE ended_at IS NULL;
        CREATE INDEX alert_events_started ON alert_events (started_at);

        CREATE TABLE snapshot_history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            version INTEGER NOT NULL,
            data_time INTEGER NOT NULL,
            avg_risk REAL NOT NULL,
            max_risk REAL NOT NULL,
            active_alerts INTEGER NOT NULL,
            level_counts TEXT NOT NULL,
            server_scores TEXT NOT NULL
        );
        CREATE INDEX snapshot_history_time ON snapshot_history (data_time);

        CREATE TABLE models (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            path TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            report TEXT,
            active INTEGER NOT NULL DEFAULT 0
        );
        CREATE UNIQUE INDEX models_one_active ON models (active) WHERE active = 1;

        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            destination TEXT NOT NULL,
            payload TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            delivered_at INTEGER,
            last_error TEXT
        );
        CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE delivered_at IS NULL;

        CREATE TABLE acknowledgements (
            alert_key TEXT PRIMARY KEY,
            acknowledged_by TEXT NOT NULL,
            until INTEGER,
            note TEXT,
            created_at INTEGER NOT NULL
        );
        """,
        // 2: acknowledgements apply to one firing episode (the alert's start); silences by server and/or metric.
        """
        ALTER TABLE acknowledgements ADD COLUMN alert_started_at INTEGER;

        CREATE TABLE silences (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            server TEXT,
            metric TEXT,
            created_by TEXT NOT NULL,
            reason TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            until INTEGER NOT NULL,
            cancelled_at INTEGER,
            cancelled_by TEXT
        );
        CREATE INDEX silences_active ON silences (until) WHERE cancelled_at IS NULL;
        """,
        // 3: delivery state of the alert outbox (routing): a human summary, when an attempt last ran and
        // last failed, and a terminal failed state once the attempts are used up.
        """
        ALTER TABLE outbox ADD COLUMN summary TEXT;
        ALTER TABLE outbox ADD COLUMN last_attempt_at INTEGER;
        ALTER TABLE outbox ADD COLUMN last_error_at INTEGER;
        ALTER TABLE outbox ADD COLUMN failed_at INTEGER;
        DROP INDEX outbox_pending;
        CREATE INDEX outbox_pending ON outbox (next_attempt_at, id) WHERE delivered_at IS NULL AND failed_at IS NULL;
        CREATE INDEX outbox_destination ON outbox (destination, id);
        """,
        // 4: one alert lifecycle per server + metric whose severity changes in place (peak_severity is the
        // highest it reached), and alert outcomes: what a predictive alert claimed (outcome_severity,
        // outcome_threshold, outcome_deadline) and whether it came true (outcome, outcome_at). Rows of an
        // older database open twice for one server + metric (a warning beside a critical) are merged: the
        // warning row ends where the critical one is open.
        """
        ALTER TABLE alert_events ADD COLUMN peak_severity TEXT;
        ALTER TABLE alert_events ADD COLUMN outcome_severity TEXT;
        ALTER TABLE alert_events ADD COLUMN outcome_threshold REAL;
        ALTER TABLE alert_events ADD COLUMN outcome_deadline INTEGER;
        ALTER TABLE alert_events ADD COLUMN outcome TEXT;
        ALTER TABLE alert_events ADD COLUMN outcome_at INTEGER;
        UPDATE alert_events SET peak_severity = severity;
        UPDATE alert_events SET ended_at = last_evaluated_at, duration_s = last_evaluated_at - started_at
        WHERE ended_at IS NULL AND severity = 'warning' AND EXISTS (
            SELECT 1 FROM alert_events c WHERE c.server = alert_events.server AND c.metric = alert_events.metric
              AND c.severity = 'critical' AND c.ended_at IS NULL);
        DROP INDEX alert_events_open;
        CREATE INDEX alert_events_open ON alert_events (server, metric) WHERE ended_at IS NULL;
        CREATE INDEX alert_events_outcome_open ON alert_events (outcome_deadline) WHERE outcome_deadline IS NOT NULL AND outcome IS NULL;
        """,
        // 5: scratch table of SqliteDatabase.ProbeWrite (always empty between probes): after a disk-full or I/O
        // error it shows whether a write that needs new pages commits again.
        """
        CREATE TABLE storage_probe (id INTEGER PRIMARY KEY, filler BLOB);
        """,
        // 6: alerts firing per route (receivers): what was last sent about each (a JSON notice), when it
        // was first sent (Alertmanager's startsAt) and last sent (re-sends and reminders); NULL = held back.
        """
        CREATE TABLE alert_firing (
            route TEXT NOT NULL,
            alert_key TEXT NOT NULL,
            notice TEXT NOT NULL,
            first_sent_at INTEGER,
            last_sent_at INTEGER,
            PRIMARY KEY (route, alert_key)
        ) WITHOUT ROWID;
        """,
        // 7: one alert lifecycle (an incident) per server. metric stays the headline (most urgent) metric;
        // metrics lists the wire names of every metric found during the lifecycle (JSON array) and
        // outcome_claims every predicted crossing of the outcome (JSON array of {"metric", "threshold"}).
        // Rows of an older database open several times for one server (one per metric) are merged into the
        // one kept open (the most severe, then the earliest start), which takes the earliest start and every
        // metric; the others end where they were last evaluated.
        """
        ALTER TABLE alert_events ADD COLUMN metrics TEXT;
        ALTER TABLE alert_events ADD COLUMN outcome_claims TEXT;
        UPDATE alert_events SET metrics = json_array(metric);
        UPDATE alert_events SET
            metrics = (SELECT json_group_array(DISTINCT o.metric) FROM alert_events o WHERE o.server = alert_events.server AND o.ended_at IS NULL),
            started_at = (SELECT MIN(o.started_at) FROM alert_events o WHERE o.server = alert_events.server AND o.ended_at IS NULL),
            peak_severity = CASE WHEN EXISTS (SELECT 1 FROM alert_events o WHERE o.server = alert_events.server AND o.ended_at IS NULL
                AND COALESCE(o.peak_severity, o.severity) = 'critical') THEN 'critical' ELSE peak_severity END
        WHERE ended_at IS NULL AND id = (SELECT k.id FROM alert_events k WHERE k.server = alert_events.server AND k.ended_at IS NULL
            ORDER BY CASE k.severity WHEN 'critical' THEN 0 ELSE 1 END, k.started_at, k.id LIMIT 1);
        UPDATE alert_events SET ended_at = last_evaluated_at, duration_s = last_evaluated_at - started_at
        WHERE ended_at IS NULL AND id <> (SELECT k.id FROM alert_events k WHERE k.server = alert_events.server AND k.ended_at IS NULL
            ORDER BY CASE k.severity WHEN 'critical' THEN 0 ELSE 1 END, k.started_at, k.id LIMIT 1);
        DROP INDEX alert_events_open;
        CREATE INDEX alert_events_open ON alert_events (server) WHERE ended_at IS NULL;
        CREATE INDEX alert_events_server_start ON alert_events (server, started_at);
        """,
        // 8: the installation's cost-avoidance inputs (one row; absent until an admin sets them).
        """
        CREATE TABLE cost_inputs (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            cost_per_hour REAL NOT NULL,
            outage_hours REAL NOT NULL,
            share_acted_on REAL NOT NULL,
            currency TEXT,
            updated_at INTEGER NOT NULL,
            updated_by TEXT NOT NULL
        );
        """,
        // 9: auto-remediation actions and their audit trail (wall-clock times except alert_started_at, a data
        // time); a rule acts at most once per alert lifecycle (rule, server, metric, alert start).
        """
        CREATE TABLE remediation_actions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            rule TEXT NOT NULL,
            mode TEXT NOT NULL,
            kind TEXT NOT NULL,
            server TEXT NOT NULL,
            profile TEXT NOT NULL,
            metric TEXT NOT NULL,
            level TEXT NOT NULL,
            value REAL NOT NULL,
            alert_started_at INTEGER NOT NULL,
            target TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            decided_by TEXT,
            decided_via TEXT,
            decided_at INTEGER,
            reason TEXT,
            executed_at INTEGER,
            finished_at INTEGER,
            http_status INTEGER,
            exit_code INTEGER,
            output TEXT,
            error TEXT
        );
        CREATE UNIQUE INDEX remediation_actions_once ON remediation_actions (rule, server, metric, alert_started_at);
        CREATE INDEX remediation_actions_server ON remediation_actions (server, created_at);
        CREATE INDEX remediation_actions_created ON remediation_actions (created_at);
        """,
        // 10: cascades found by the engine (issue 15): one row per cascade, rewritten while it is active (ended_at NULL);
        // root candidates and affected servers are JSON arrays.
        """
        CREATE TABLE cascades (
            id INTEGER PRIMARY KEY,
            dependency TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            detected_at INTEGER NOT NULL,
            last_active_at INTEGER NOT NULL,
            ended_at INTEGER,
            severity TEXT NOT NULL,
            peak_servers INTEGER NOT NULL,
            root_candidates TEXT NOT NULL,
            affected TEXT NOT NULL
        );
        CREATE INDEX cascades_active ON cascades (id) WHERE ended_at IS NULL;
        CREATE INDEX cascades_started ON cascades (started_at);
        """,
    ];

    public static int LatestVersion => Migrations.Length;

    /// <summary>The version whose migration made alert lifecycles per server (incidents); tests build a database
    /// just before it.</summary>
    internal static int IncidentsVersion => Array.FindIndex(Migrations, m => m.Contains("ADD COLUMN outcome_claims", StringComparison.Ordinal)) + 1;

    /// <summary>Runs every migration newer than the database (up to <paramref name="upTo"/>, default all), each in
    /// its own transaction.</summary>
    /// <returns>The schema version after migrating.</returns>
    public static int Apply(SqliteConnection connection, int? upTo = null)
    {
        var latest = upTo ?? LatestVersion;
        var current = ReadVersion(connection);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"Database schema version {current} is newer than this FleetCast build understands ({LatestVersion}); upgrade FleetCast.");
        }

        for (var version = current + 1; version <= latest; version++)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Migrations[version - 1] + $"\nPRAGMA user_version = {version};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }

        return Math.Max(current, latest);
    }

    public static int ReadVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
