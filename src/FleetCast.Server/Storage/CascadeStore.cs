using System.Text.Json;
using FleetCast.Core.Cascades;
using FleetCast.Core.Json;
using FleetCast.Core.Profiles;
using Microsoft.Data.Sqlite;

namespace FleetCast.Server.Storage;

/// <summary>Cascade events in SQLite (table <c>cascades</c>); root candidates and affected servers are JSON arrays.</summary>
public sealed class CascadeStore : ICascadeStore
{
    private const string Columns = "id, dependency, started_at, detected_at, last_active_at, ended_at, severity, peak_servers, root_candidates, affected";

    private readonly SqliteDatabase _database;

    public CascadeStore(SqliteDatabase database) => _database = database ?? throw new ArgumentNullException(nameof(database));

    public int DeleteEndedBefore(DateTimeOffset cutoff) => _database.Write((connection, transaction) => SqliteCommands.NonQuery(connection, transaction,
        "DELETE FROM cascades WHERE ended_at IS NOT NULL AND ended_at < $cutoff;", ("$cutoff", DbValues.ToUnixSeconds(cutoff))));

    public void Save(IReadOnlyList<CascadeEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        _database.Write((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                $"""
                INSERT OR REPLACE INTO cascades ({Columns})
                VALUES ($id, $dependency, $started, $detected, $lastActive, $ended, $severity, $peak, $roots, $affected);
                """;
            foreach (var e in events)
            {
                command.Parameters.Clear();
                command.Parameters.AddWithValue("$id", e.Id);
                command.Parameters.AddWithValue("$dependency", ProfileNames.ToWire(e.Dependency));
                command.Parameters.AddWithValue("$started", DbValues.ToUnixSeconds(e.StartedAt));
                command.Parameters.AddWithValue("$detected", DbValues.ToUnixSeconds(e.DetectedAt));
                command.Parameters.AddWithValue("$lastActive", DbValues.ToUnixSeconds(e.LastActiveAt));
                command.Parameters.AddWithValue("$ended", e.EndedAt is { } ended ? DbValues.ToUnixSeconds(ended) : DBNull.Value);
                command.Parameters.AddWithValue("$severity", SeverityText(e.Severity));
                command.Parameters.AddWithValue("$peak", e.PeakServers);
                command.Parameters.AddWithValue("$roots", JsonSerializer.Serialize(e.RootCandidates, FleetJson.Options));
                command.Parameters.AddWithValue("$affected", JsonSerializer.Serialize(e.Affected, FleetJson.Options));
                command.ExecuteNonQuery();
            }

            return events.Count;
        });
    }

    public IReadOnlyList<CascadeEvent> LoadActive() => Query($"SELECT {Columns} FROM cascades WHERE ended_at IS NULL ORDER BY id;", _ => { });

    public long MaxId() => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(id), 0) FROM cascades;";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    });

    public IReadOnlyList<CascadeEvent> Read(DateTimeOffset from, DateTimeOffset to, bool? active = null)
    {
        var filter = active switch
        {
            true => " AND ended_at IS NULL",
            false => " AND ended_at IS NOT NULL",
            null => string.Empty,
        };
        return Query(
            $"SELECT {Columns} FROM cascades WHERE started_at <= $to AND (ended_at IS NULL OR ended_at >= $from){filter} ORDER BY started_at DESC, id DESC;",
            parameters =>
            {
                parameters.AddWithValue("$from", DbValues.ToUnixSeconds(from));
                parameters.AddWithValue("$to", DbValues.ToUnixSeconds(to));
            });
    }

    public static string SeverityText(CascadeSeverity severity) => severity.ToString().ToLowerInvariant();

    private static CascadeSeverity ParseSeverity(string text) =>
        Enum.TryParse<CascadeSeverity>(text, ignoreCase: true, out var severity) ? severity : CascadeSeverity.Low;

    private List<CascadeEvent> Query(string sql, Action<SqliteParameterCollection> bind) => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command.Parameters);
        using var reader = command.ExecuteReader();
        var events = new List<CascadeEvent>();
        while (reader.Read())
        {
            ProfileNames.TryParse(reader.GetString(1), out var dependency);
            events.Add(new CascadeEvent(
                reader.GetInt64(0),
                dependency,
                DbValues.FromUnixSeconds(reader.GetInt64(2)),
                reader.IsDBNull(5) ? null : DbValues.FromUnixSeconds(reader.GetInt64(5)),
                DbValues.FromUnixSeconds(reader.GetInt64(3)),
                DbValues.FromUnixSeconds(reader.GetInt64(4)),
                ParseSeverity(reader.GetString(6)),
                reader.GetInt32(7),
                JsonSerializer.Deserialize<CascadeRootCandidate[]>(reader.GetString(8), FleetJson.Options) ?? [],
                JsonSerializer.Deserialize<CascadeMember[]>(reader.GetString(9), FleetJson.Options) ?? []));
        }

        return events;
    });
}
