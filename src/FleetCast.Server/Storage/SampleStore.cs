using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Samples;
using Microsoft.Data.Sqlite;

namespace FleetCast.Server.Storage;

/// <summary>Raw samples in SQLite, keyed by (server, second). Timestamps are stored at one-second
/// resolution (sub-second parts are dropped); absent metrics are NULL and read back as NaN.</summary>
public sealed class SampleStore : ISampleStore
{
    private static readonly string ColumnList =
        "server, ts, profile, " + string.Join(", ", MetricCatalog.All.Select(d => d.WireName));

    private readonly SqliteDatabase _database;

    // Bound to the database's writer connection and used only inside its write gate, so the prepared
    // statement is reused across batches.
    private SqliteCommand? _insert;
    private SqliteParameter[]? _insertParameters;

    public SampleStore(SqliteDatabase database) => _database = database ?? throw new ArgumentNullException(nameof(database));

    public Task<int> AppendAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return Task.FromResult(0);
        }

        return _database.WriteAsync((connection, transaction) => InsertAll(connection, transaction, samples), cancellationToken);
    }

    public IEnumerable<MetricSample> ReadSince(DateTimeOffset from)
    {
        using var connection = _database.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ColumnList} FROM samples WHERE ts >= $from ORDER BY ts, server;";
        command.Parameters.AddWithValue("$from", DbValues.ToUnixSeconds(from));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return ReadSample(reader);
        }
    }

    public IReadOnlyList<MetricSample> ReadServer(string server, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(server);
        return _database.Read(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {ColumnList} FROM samples WHERE server = $server AND ts BETWEEN $from AND $to ORDER BY ts;";
            command.Parameters.AddWithValue("$server", server);
            command.Parameters.AddWithValue("$from", DbValues.ToUnixSeconds(from));
            command.Parameters.AddWithValue("$to", DbValues.ToUnixSeconds(to));
            using var reader = command.ExecuteReader();
            var samples = new List<MetricSample>();
            while (reader.Read())
            {
                samples.Add(ReadSample(reader));
            }

            return samples;
        });
    }

    public DateTimeOffset? LatestTimestamp() => _database.Read(connection =>
    {
        // A seek on the samples_ts index, not a scan.
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(ts) FROM samples;";
        return command.ExecuteScalar() is long seconds ? DbValues.FromUnixSeconds(seconds) : (DateTimeOffset?)null;
    });

    public int DeleteOlderThan(DateTimeOffset cutoff) =>
        _database.Write((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM samples WHERE ts < $cutoff;";
            command.Parameters.AddWithValue("$cutoff", DbValues.ToUnixSeconds(cutoff));
            return command.ExecuteNonQuery();
        });

    /// <summary>Number of stored samples (all servers).</summary>
    public long Count() => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM samples;";
        return (long)command.ExecuteScalar()!;
    });

    private int InsertAll(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<MetricSample> samples)
    {
        var (command, parameters) = GetInsertCommand(connection);
        command.Transaction = transaction;
        for (var i = 0; i < samples.Count; i++)
        {
            var sample = samples[i];
            if (sample?.Server is null || sample.Values is null || sample.Values.Length != MetricCatalog.Count)
            {
                // Throwing here rolls back the whole batch: nothing of it is stored.
                throw new ArgumentException(
                    $"Sample {i} is invalid: it needs a server name and exactly {MetricCatalog.Count} values.", nameof(samples));
            }

            parameters[0].Value = sample.Server;
            parameters[1].Value = DbValues.ToUnixSeconds(sample.Timestamp);
            parameters[2].Value = DbValues.OrNull(sample.Profile is { } profile ? ProfileNames.ToWire(profile) : null);
            for (var m = 0; m < MetricCatalog.Count; m++)
            {
                parameters[3 + m].Value = DbValues.OrNull(sample.Values[m]);
            }

            command.ExecuteNonQuery();
        }

        return samples.Count;
    }

    private (SqliteCommand Command, SqliteParameter[] Parameters) GetInsertCommand(SqliteConnection connection)
    {
        if (_insert is not null && _insertParameters is not null)
        {
            return (_insert, _insertParameters);
        }

        var command = connection.CreateCommand();
        var names = new[] { "$server", "$ts", "$profile" }
            .Concat(MetricCatalog.All.Select(d => "$" + d.WireName))
            .ToArray();
        command.CommandText = $"INSERT OR REPLACE INTO samples ({ColumnList}) VALUES ({string.Join(", ", names)});";
        var parameters = names.Select(name => command.Parameters.Add(name, SqliteType.Real)).ToArray();
        parameters[0].SqliteType = SqliteType.Text;
        parameters[1].SqliteType = SqliteType.Integer;
        parameters[2].SqliteType = SqliteType.Text;
        _insert = command;
        _insertParameters = parameters;
        return (command, parameters);
    }

    private static MetricSample ReadSample(SqliteDataReader reader)
    {
        var values = new double[MetricCatalog.Count];
        for (var m = 0; m < MetricCatalog.Count; m++)
        {
            values[m] = DbValues.ReadDoubleOrNaN(reader, 3 + m);
        }

        ServerProfile? profile = !reader.IsDBNull(2) && ProfileNames.TryParse(reader.GetString(2), out var parsed) ? parsed : null;
        return new MetricSample(reader.GetString(0), DbValues.FromUnixSeconds(reader.GetInt64(1)), profile, values);
    }
}
