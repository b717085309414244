using Microsoft.Data.Sqlite;

namespace FleetCast.Server.Storage;

/// <summary>The models registry: every model ever registered, at most one of them active.</summary>
public sealed class ModelRegistryStore
{
    private const string Columns = "id, name, path, created_at, report, active";

    private readonly SqliteDatabase _database;

    public ModelRegistryStore(SqliteDatabase database) => _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <summary>Adds a model; with <paramref name="activate"/> it becomes the only active one.</summary>
    public ModelRecord Register(string name, string path, DateTimeOffset createdAt, string? reportJson, bool activate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var id = _database.Write((connection, transaction) =>
        {
            if (activate)
            {
                Deactivate(connection, transaction);
            }

            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                """
                INSERT INTO models (name, path, created_at, report, active) VALUES ($name, $path, $created, $report, $active);
                SELECT last_insert_rowid();
                """;
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$path", path);
            command.Parameters.AddWithValue("$created", DbValues.ToUnixSeconds(createdAt));
            command.Parameters.AddWithValue("$report", DbValues.OrNull(reportJson));
            command.Parameters.AddWithValue("$active", activate ? 1 : 0);
            return (long)command.ExecuteScalar()!;
        });
        return Get(id) ?? throw new InvalidOperationException($"Model {id} vanished right after it was registered.");
    }

    /// <summary>Makes model <paramref name="id"/> the only active one; false when no such model exists.</summary>
    public bool Activate(long id) => _database.Write((connection, transaction) =>
    {
        using var exists = connection.CreateCommand();
        exists.Transaction = transaction;
        exists.CommandText = "SELECT COUNT(*) FROM models WHERE id = $id;";
        exists.Parameters.AddWithValue("$id", id);
        if ((long)exists.ExecuteScalar()! == 0)
        {
            return false;
        }

        Deactivate(connection, transaction);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE models SET active = 1 WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        command.ExecuteNonQuery();
        return true;
    });

    public ModelRecord? GetActive() => QueryOne("SELECT " + Columns + " FROM models WHERE active = 1;", null);

    public ModelRecord? Get(long id) => QueryOne("SELECT " + Columns + " FROM models WHERE id = $id;", id);

    /// <summary>All models, newest first.</summary>
    public IReadOnlyList<ModelRecord> List() => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT " + Columns + " FROM models ORDER BY created_at DESC, id DESC;";
        using var reader = command.ExecuteReader();
        var models = new List<ModelRecord>();
        while (reader.Read())
        {
            models.Add(ReadModel(reader));
        }

        return models;
    });

    private ModelRecord? QueryOne(string sql, long? id) => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (id is { } value)
        {
            command.Parameters.AddWithValue("$id", value);
        }

        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadModel(reader) : null;
    });

    private static void Deactivate(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE models SET active = 0 WHERE active = 1;";
        command.ExecuteNonQuery();
    }

    private static ModelRecord ReadModel(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        DbValues.FromUnixSeconds(reader.GetInt64(3)),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.GetInt64(5) != 0);
}
