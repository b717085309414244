using FleetCast.Core.Datasets;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using Microsoft.Data.Sqlite;

namespace FleetCast.Server.Storage;

/// <summary>Reads the stored samples into a <see cref="FleetDataset"/> on the model step, as the engine's
/// windows see them: a sample belongs to step floor(ts / step); gauges are averaged within a step, counters
/// keep the step's newest value; steps without a value are NaN. A server's profile is the newest one its
/// samples carried, else the one the name rules give.</summary>
public static class StoredFleetDataset
{
    private static readonly bool[] IsCounter = MetricCatalog.All.Select(d => d.Kind == MetricKind.Counter).ToArray();

    /// <summary>The samples of [<paramref name="from"/>, <paramref name="to"/>] (both optional) as a dataset
    /// whose steps run from the first to the last step holding any sample.</summary>
    public static FleetDataset Read(SqliteDatabase database, int stepSeconds, DateTimeOffset? from = null, DateTimeOffset? to = null, ProfileRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentOutOfRangeException.ThrowIfLessThan(stepSeconds, 1);
        rules ??= ProfileRules.Default;
        var fromSeconds = from is { } f ? DbValues.ToUnixSeconds(f) : long.MinValue;
        var toSeconds = to is { } t ? DbValues.ToUnixSeconds(t) : long.MaxValue;
        var range = database.Read(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT MIN(ts), MAX(ts) FROM samples WHERE ts BETWEEN $from AND $to;";
            command.Parameters.AddWithValue("$from", fromSeconds);
            command.Parameters.AddWithValue("$to", toSeconds);
            using var reader = command.ExecuteReader();
            return reader.Read() && !reader.IsDBNull(0) ? (First: reader.GetInt64(0), Last: reader.GetInt64(1)) : ((long First, long Last)?)null;
        });
        if (range is not { } span)
        {
            return new FleetDataset(DateTimeOffset.FromUnixTimeSeconds(0), stepSeconds, null, [], []);
        }

        var firstStep = span.First / stepSeconds;
        var steps = checked((int)((span.Last / stepSeconds) - firstStep + 1));
        var servers = database.Read(connection => ReadServers(connection, fromSeconds, toSeconds, stepSeconds, firstStep, steps, rules));
        return new FleetDataset(DateTimeOffset.FromUnixTimeSeconds(firstStep * stepSeconds), stepSeconds, null, servers, []);
    }

    private static List<ServerSeries> ReadServers(SqliteConnection connection, long fromSeconds, long toSeconds, int stepSeconds,
        long firstStep, int steps, ProfileRules rules)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT server, ts, profile, {string.Join(", ", MetricCatalog.All.Select(d => d.WireName))} FROM samples WHERE ts BETWEEN $from AND $to ORDER BY server, ts;";
        command.Parameters.AddWithValue("$from", fromSeconds);
        command.Parameters.AddWithValue("$to", toSeconds);
        using var reader = command.ExecuteReader();
        var result = new List<ServerSeries>();
        string? server = null;
        ServerProfile? profile = null;
        float[] values = [];
        int[] counts = [];
        void Flush()
        {
            if (server is not null)
            {
                result.Add(new ServerSeries(server, profile ?? rules.Resolve(server), values));
            }
        }

        while (reader.Read())
        {
            var name = reader.GetString(0);
            if (name != server)
            {
                Flush();
                server = name;
                profile = null;
                values = new float[steps * MetricCatalog.Count];
                Array.Fill(values, float.NaN);
                counts = new int[steps * MetricCatalog.Count];
            }

            if (!reader.IsDBNull(2) && ProfileNames.TryParse(reader.GetString(2), out var parsed))
            {
                profile = parsed;
            }

            var row = (int)((reader.GetInt64(1) / stepSeconds) - firstStep) * MetricCatalog.Count;
            for (var m = 0; m < MetricCatalog.Count; m++)
            {
                var value = DbValues.ReadDoubleOrNaN(reader, 3 + m);
                if (!double.IsFinite(value))
                {
                    continue;
                }

                var i = row + m;
                var count = ++counts[i];
                // Rows come oldest first, so a counter's last value in the step wins.
                values[i] = count == 1 || IsCounter[m] ? (float)value : values[i] + (((float)value - values[i]) / count);
            }
        }

        Flush();
        return result;
    }
}
