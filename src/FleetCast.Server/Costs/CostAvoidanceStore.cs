using FleetCast.Core.Costs;
using FleetCast.Server.Storage;
using Microsoft.Data.Sqlite;

namespace FleetCast.Server.Costs;

/// <summary>The cost inputs (table cost_inputs, one row) and the predictive alerts' outcomes the estimate reads
/// from alert_events (the severity each claimed, its start and how it settled).</summary>
public sealed class CostAvoidanceStore(SqliteDatabase database)
{
    private readonly SqliteDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <summary>The stored inputs; null until an admin sets them.</summary>
    public StoredCostInputs? LoadInputs() => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT cost_per_hour, outage_hours, share_acted_on, currency, updated_at, updated_by FROM cost_inputs WHERE id = 1;";
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new StoredCostInputs(
                new CostInputs(reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.IsDBNull(3) ? null : reader.GetString(3)),
                DbValues.FromUnixSeconds(reader.GetInt64(4)), reader.GetString(5))
            : null;
    });

    public StoredCostInputs SaveInputs(CostInputs inputs, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        _database.Write((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                """
                INSERT INTO cost_inputs (id, cost_per_hour, outage_hours, share_acted_on, currency, updated_at, updated_by)
                VALUES (1, $cost, $hours, $share, $currency, $at, $by)
                ON CONFLICT (id) DO UPDATE SET cost_per_hour = $cost, outage_hours = $hours, share_acted_on = $share,
                    currency = $currency, updated_at = $at, updated_by = $by;
                """;
            command.Parameters.AddWithValue("$cost", inputs.CostPerHour);
            command.Parameters.AddWithValue("$hours", inputs.OutageHours);
            command.Parameters.AddWithValue("$share", inputs.ShareActedOn);
            command.Parameters.AddWithValue("$currency", DbValues.OrNull(inputs.Currency));
            command.Parameters.AddWithValue("$at", DbValues.ToUnixSeconds(at));
            command.Parameters.AddWithValue("$by", by);
            return command.ExecuteNonQuery();
        });
        return new StoredCostInputs(inputs, DateTimeOffset.FromUnixTimeSeconds(DbValues.ToUnixSeconds(at)), by);
    }

    /// <summary>Predictive alerts (those that claimed a crossing) started in [from, to] (data time).</summary>
    public IReadOnlyList<AlertOutcomeEntry> OutcomeLog(DateTimeOffset from, DateTimeOffset to) => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT outcome_severity, started_at, COALESCE(outcome, 'open'), outcome_at FROM alert_events
            WHERE outcome_deadline IS NOT NULL AND started_at >= $from AND started_at <= $to
            ORDER BY started_at, id;
            """;
        command.Parameters.AddWithValue("$from", DbValues.ToUnixSeconds(from));
        command.Parameters.AddWithValue("$to", DbValues.ToUnixSeconds(to));
        using var reader = command.ExecuteReader();
        var entries = new List<AlertOutcomeEntry>();
        while (reader.Read())
        {
            entries.Add(Entry(reader));
        }

        return entries;
    });

    private static AlertOutcomeEntry Entry(SqliteDataReader reader) => new(
        DbValues.ParseSeverity(reader.GetString(0)),
        DbValues.FromUnixSeconds(reader.GetInt64(1)),
        DbValues.ParseOutcome(reader.GetString(2)),
        reader.IsDBNull(3) ? null : DbValues.FromUnixSeconds(reader.GetInt64(3)));
}
