using Microsoft.Data.Sqlite;

namespace FleetCast.Server.Storage;

/// <summary>One parameterised statement inside a caller's transaction.</summary>
internal static class SqliteCommands
{
    /// <returns>The number of rows the statement changed.</returns>
    public static int NonQuery(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteNonQuery();
    }
}
