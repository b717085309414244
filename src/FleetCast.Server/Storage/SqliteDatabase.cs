using Microsoft.Data.Sqlite;

namespace FleetCast.Server.Storage;

/// <summary>
/// The one SQLite file (<c>&lt;dataDir&gt;/fleetcast.db</c>) in WAL mode. All writes go through a single
/// long-lived writer connection behind a gate (SQLite allows one writer at a time anyway); reads open
/// their own pooled connection, and in WAL mode readers neither block nor are blocked by the writer.
/// Opening checks the files first: a WAL that SQLite would silently cut short is copied aside
/// (<see cref="WalCheck"/>), and a damaged database stops the open with <see cref="StorageCorruptException"/>.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    public const string FileName = "fleetcast.db";

    /// <summary>Held by the running instance; a second FleetCast on the same data directory stops at start.</summary>
    public const string LockFileName = "fleetcast.lock";

    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    // Big enough to need fresh pages (16 at the default 4 KiB page size) and a WAL append, like a sample batch.
    private const int ProbeBytes = 64 * 1024;

    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly string _readConnectionString;
    private readonly TimeProvider _time;
    private readonly FileStream _directoryLock;
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
        _time = options.Time;
        _directoryLock = LockDirectory(Path.GetDirectoryName(FilePath)!);
        try
        {
            (WalCheck, DamagedWalCopy) = CheckWal(FilePath + "-wal", _time.GetUtcNow());
        }
        catch
        {
            _directoryLock.Dispose();
            throw;
        }

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
        try
        {
            _writer.Open();
            SchemaVersion = Prepare(_writer, options);
        }
        catch (SqliteException ex) when ((ex.SqliteErrorCode & 0xFF) is SqliteCorrupt or SqliteNotADatabase)
        {
            _writer.Dispose();
            _directoryLock.Dispose();
            throw new StorageCorruptException(FilePath,
                (ex.SqliteErrorCode & 0xFF) == SqliteNotADatabase ? "file is not a database" : "database disk image is malformed", ex);
        }
        catch
        {
            _writer.Dispose();
            _directoryLock.Dispose();
            throw;
        }
    }

    public string FilePath { get; }

    public int SchemaVersion { get; }

    /// <summary>The WAL left by an unclean shutdown, as found before SQLite recovered it (null when there was none).</summary>
    public WalInspection? WalCheck { get; }

    /// <summary>Where the damaged WAL was copied before SQLite recovered (and cut short) it; null when it was intact.</summary>
    public string? DamagedWalCopy { get; }

    /// <summary>Whether the last write committed or failed for lack of space or an I/O error.</summary>
    public StorageHealth Health { get; } = new();

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

    /// <summary>Commits a small write that needs fresh pages and WAL space, to learn whether writes work again
    /// after a storage fault (recorded in <see cref="Health"/> like any write).</summary>
    /// <returns>True when it committed.</returns>
    public bool ProbeWrite()
    {
        try
        {
            Write((connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "INSERT INTO storage_probe (filler) VALUES (zeroblob($bytes)); DELETE FROM storage_probe;";
                command.Parameters.AddWithValue("$bytes", ProbeBytes);
                return command.ExecuteNonQuery();
            });
            return true;
        }
        catch (SqliteException ex) when (StorageFault.From(ex, _time.GetUtcNow()) is not null)
        {
            return false;
        }
    }

    /// <summary>Caps the database at <paramref name="pages"/> pages (<c>PRAGMA max_page_count</c>, never below its
    /// current size): a write that needs more fails with SQLITE_FULL exactly as on a full disk.</summary>
    /// <returns>The cap in force.</returns>
    internal long SetMaxPageCount(long pages)
    {
        _writeGate.Wait();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Convert.ToInt64(ExecuteScalar(_writer, $"PRAGMA max_page_count = {pages};"), System.Globalization.CultureInfo.InvariantCulture);
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

    /// <summary>The lock file beside the database, held exclusively for this instance's life (an advisory lock
    /// on Unix: it keeps out other FleetCast processes, which is what it is for). It is released by the
    /// operating system when the process dies, so a crash leaves nothing to clean up.</summary>
    private static FileStream LockDirectory(string directory)
    {
        var lockFile = Path.Combine(directory, LockFileName);
        try
        {
            return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new DataDirectoryInUseException(directory, lockFile, ex);
        }
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
            _directoryLock.Dispose();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private T RunInTransaction<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        T result;
        try
        {
            using var transaction = _writer.BeginTransaction();
            result = work(_writer, transaction);
            transaction.Commit();
        }
        catch (SqliteException ex) when (StorageFault.From(ex, _time.GetUtcNow()) is { } fault)
        {
            Health.RecordFailure(fault);
            throw;
        }

        Health.RecordSuccess();
        return result;
    }

    /// <summary>WAL mode, durability, then the integrity check, then migrations. SQLite reads the file header at the
    /// first statement, so a file that is not a database fails here.</summary>
    private int Prepare(SqliteConnection writer, SqliteStorageOptions options)
    {
        var journalMode = ExecuteScalar(writer, "PRAGMA journal_mode = WAL;");
        if (!string.Equals(journalMode as string, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused WAL mode for {FilePath} (journal mode is '{journalMode}').");
        }

        // Durability guarantee (see SqliteStorageOptions.SynchronousFull): with WAL, a transaction is
        // committed once its frames are in the -wal file. FULL fsyncs that file on every commit, so a
        // commit that returned survives kill -9 and power loss; NORMAL survives kill -9 only.
        ExecuteScalar(writer, options.SynchronousFull ? "PRAGMA synchronous = FULL;" : "PRAGMA synchronous = NORMAL;");
        ExecuteScalar(writer, $"PRAGMA busy_timeout = {options.BusyTimeoutSeconds * 1000};");

        // quick_check reads every page once (no index-to-table cross-check): seconds for a few GB.
        var problem = ExecuteScalar(writer, "PRAGMA quick_check(1);") as string;
        if (!string.Equals(problem, "ok", StringComparison.Ordinal))
        {
            // Its finding can span lines ("*** in database main ***" then the page); the message stays one line.
            throw new StorageCorruptException(FilePath, $"quick_check: {string.Join(' ', (problem ?? "no answer").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries))}");
        }

        return SchemaMigrations.Apply(writer);
    }

    /// <summary>Inspects the WAL before SQLite opens (and recovers) it; a damaged one is copied aside first,
    /// since recovery cuts it short and the next checkpoint removes it.</summary>
    private static (WalInspection? Check, string? Copy) CheckWal(string walPath, DateTimeOffset now)
    {
        var check = WalInspector.Inspect(walPath);
        if (check is not { IsDamaged: true })
        {
            return (check, null);
        }

        var copy = $"{walPath}.damaged-{now.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}";
        File.Copy(walPath, copy, overwrite: false);
        return (check, copy);
    }

    private static object? ExecuteScalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
