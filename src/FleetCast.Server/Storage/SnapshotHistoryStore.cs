using System.Text.Json;

namespace FleetCast.Server.Storage;

/// <summary>Fleet history points in SQLite; level counts and server scores are JSON objects.</summary>
public sealed class SnapshotHistoryStore : ISnapshotHistoryStore
{
    private readonly SqliteDatabase _database;

    public SnapshotHistoryStore(SqliteDatabase database) => _database = database ?? throw new ArgumentNullException(nameof(database));

    public void Append(SnapshotHistoryPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        _database.Write((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                """
                INSERT INTO snapshot_history (version, data_time, avg_risk, max_risk, active_alerts, level_counts, server_scores)
                VALUES ($version, $time, $avg, $max, $alerts, $levels, $scores);
                """;
            command.Parameters.AddWithValue("$version", point.Version);
            command.Parameters.AddWithValue("$time", DbValues.ToUnixSeconds(point.DataTime));
            command.Parameters.AddWithValue("$avg", point.AvgRisk);
            command.Parameters.AddWithValue("$max", point.MaxRisk);
            command.Parameters.AddWithValue("$alerts", point.ActiveAlerts);
            command.Parameters.AddWithValue("$levels", JsonSerializer.Serialize(point.LevelCounts));
            command.Parameters.AddWithValue("$scores", JsonSerializer.Serialize(point.ServerScores));
            return command.ExecuteNonQuery();
        });
    }

    public IReadOnlyList<SnapshotHistoryPoint> Read(DateTimeOffset from, DateTimeOffset to) => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT version, data_time, avg_risk, max_risk, active_alerts, level_counts, server_scores
            FROM snapshot_history WHERE data_time BETWEEN $from AND $to ORDER BY data_time, id;
            """;
        command.Parameters.AddWithValue("$from", DbValues.ToUnixSeconds(from));
        command.Parameters.AddWithValue("$to", DbValues.ToUnixSeconds(to));
        using var reader = command.ExecuteReader();
        var points = new List<SnapshotHistoryPoint>();
        while (reader.Read())
        {
            points.Add(new SnapshotHistoryPoint(
                reader.GetInt64(0),
                DbValues.FromUnixSeconds(reader.GetInt64(1)),
                reader.GetDouble(2),
                reader.GetDouble(3),
                reader.GetInt32(4),
                JsonSerializer.Deserialize<Dictionary<string, int>>(reader.GetString(5)) ?? [],
                JsonSerializer.Deserialize<Dictionary<string, double>>(reader.GetString(6)) ?? []));
        }

        return points;
    });

    /// <summary>Deletes points older than the cutoff (retention); returns the number deleted.</summary>
    public int DeleteOlderThan(DateTimeOffset cutoff) =>
        _database.Write((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM snapshot_history WHERE data_time < $cutoff;";
            command.Parameters.AddWithValue("$cutoff", DbValues.ToUnixSeconds(cutoff));
            return command.ExecuteNonQuery();
        });
}
