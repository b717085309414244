using FleetCast.Server.Storage;

namespace FleetCast.Server.Tests.Shared;

/// <summary>An opened, migrated <see cref="SqliteDatabase"/> in a fresh temp folder. Disposing closes the
/// database, then deletes the folder.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly TempDirectory _directory = new();

    public TempDatabase()
    {
        try
        {
            Database = Open();
        }
        catch
        {
            _directory.Dispose();
            throw;
        }
    }

    /// <summary>The folder that holds the database file (the server's data directory).</summary>
    public string DirectoryPath => _directory.Path;

    /// <summary>A path in the same temp folder, for files a test keeps beside the database.</summary>
    public string Combine(string name) => _directory.Combine(name);

    /// <summary>The database open now: the one <see cref="Reopen"/> returned last, or the first.</summary>
    public SqliteDatabase Database { get; private set; }

    /// <summary>Closes the database and opens the same file again, as a restart does. Stores built on the old
    /// database must be built again on the returned one.</summary>
    public SqliteDatabase Reopen()
    {
        Database.Dispose();
        Database = Open();
        return Database;
    }

    public void Dispose()
    {
        Database.Dispose();
        _directory.Dispose();
    }

    private SqliteDatabase Open() => new(new SqliteStorageOptions(_directory.Path));
}
