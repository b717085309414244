using Microsoft.Data.Sqlite;

namespace FleetCast.Server.Storage;

/// <summary>
/// The one SQLite file (<c>&lt;dataDir&gt;/fleetcast.db</c>) in WAL mode. All writes go through a single
/// long-lived writer connection behind a gate (SQLite allows one writer at a time anyway); reads open
/// their own pooled connection, and in WAL mode readers neither block nor are blocked by the writer.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    public const string FileName = "fleetcast.db";

    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly string _readConnectionString;
    private bool _disposed;

    public SqliteDatabase(SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            throw new ArgumentException("Data directory must be set.", nameof(options));
        }

        Directory.CreateDirectory(options.DataDirectory);
        FilePath = Path.GetFullPath(Path.Combine(options.DataDirectory, FileName));

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = options.BusyTimeoutSeconds,
        };
        _readConnectionString = builder.ToString();

        _writer = new SqliteConnection(builder.ToString());
        _writer.Open();
        var journalMode = ExecuteScalar(_writer, "PRAGMA journal_mode = WAL;");
        if (!string.Equals(journalMode as string, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused WAL mode for {FilePath} (journal mode is '{journalMode}').");
        }

        // Durability guarantee (see SqliteStorageOptions.SynchronousFull): with WAL, a transaction is
        // committed once its frames are in the -wal file. FULL fsyncs that file on every commit, so a
        // commit that returned survives kill -9 and power loss; NORMAL survives kill -9 only.
        ExecuteScalar(_writer, options.SynchronousFull ? "PRAGMA synchronous = FULL;" : "PRAGMA synchronous = NORMAL;");
        ExecuteScalar(_writer, $"PRAGMA busy_timeout = {options.BusyTimeoutSeconds * 1000};");
        SchemaVersion = SchemaMigrations.Apply(_writer);
    }

    public string FilePath { get; }

    public int SchemaVersion { get; }

    /// <summary>Runs <paramref name="work"/> in one write transaction, committed when it returns.
    /// An exception rolls the whole transaction back.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return RunInTransaction(work);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc cref="WriteAsync{T}"/>
    public T Write<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        _writeGate.Wait();
        try
        {
            return RunInTransaction(work);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Runs a read on its own pooled connection (safe from any thread, concurrent with writes).</summary>
    public T Read<T>(Func<SqliteConnection, T> query)
    {
        using var connection = OpenReader();
        return query(connection);
    }

    /// <summary>An open connection for reading; the caller disposes it.</summary>
    public SqliteConnection OpenReader()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = new SqliteConnection(_readConnectionString);
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _writeGate.Wait();
        try
        {
            _disposed = true;
            _writer.Dispose();
            using var pooled = new SqliteConnection(_readConnectionString);
            SqliteConnection.ClearPool(pooled);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private T RunInTransaction<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var transaction = _writer.BeginTransaction();
        var result = work(_writer, transaction);
        transaction.Commit();
        return result;
    }

    private static object? ExecuteScalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
