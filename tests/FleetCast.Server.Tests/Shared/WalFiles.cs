using Microsoft.Data.Sqlite;

namespace FleetCast.Server.Tests.Shared;

/// <summary>Real SQLite write-ahead logs for integrity tests: a database in WAL mode with automatic checkpoints
/// off, written in separate transactions, and its <c>-wal</c> copied while the connection is still open
/// (as a crash would leave it).</summary>
public sealed class WalFiles : IDisposable
{
    public const int PageSize = 4096;
    private const int HeaderSize = 32;
    private const int FrameSize = 24 + PageSize;

    private readonly SqliteConnection _connection;

    public WalFiles(string databasePath)
    {
        DatabasePath = databasePath;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        _connection.Open();
        Execute($"PRAGMA page_size = {PageSize}; PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; PRAGMA synchronous = FULL;");
        Execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB);");
    }

    public string DatabasePath { get; }

    /// <summary>Commits <paramref name="transactions"/> transactions of <paramref name="rowsEach"/> rows (about
    /// one page per row, so a multi-row transaction spans several frames).</summary>
    public void Commit(int transactions, int rowsEach = 1)
    {
        for (var i = 0; i < transactions; i++)
        {
            using var transaction = _connection.BeginTransaction();
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO t (v) VALUES (randomblob(3000));";
            for (var r = 0; r < rowsEach; r++)
            {
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>Checkpoints everything; the next write starts a new WAL generation (new salts) from the start of
    /// the file, leaving the older frames behind it as stale.</summary>
    public void CheckpointRestart() => Execute("PRAGMA wal_checkpoint(RESTART);");

    /// <summary>The database file and its WAL as they are on disk now, into <paramref name="directory"/> under
    /// <paramref name="fileName"/> (and <c>-wal</c>); returns the path of the copied WAL.</summary>
    public string CopyTo(string directory, string fileName)
    {
        var target = Path.Combine(directory, fileName);
        CopyShared(DatabasePath, target);
        CopyShared(DatabasePath + "-wal", target + "-wal");
        return target + "-wal";
    }

    public static int FrameCount(string walPath) => (int)((new FileInfo(walPath).Length - HeaderSize) / FrameSize);

    /// <summary>Flips one byte in the page data of frame <paramref name="frame"/> (1-based).</summary>
    public static void DamageFrame(string walPath, int frame) => FlipByte(walPath, HeaderSize + ((long)(frame - 1) * FrameSize) + 24 + 1000);

    public static void FlipByte(string path, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Position = offset;
        var value = stream.ReadByte();
        stream.Position = offset;
        stream.WriteByte((byte)(value ^ 0x5A));
    }

    /// <summary>Cuts the WAL after frame <paramref name="frames"/>.</summary>
    public static void Truncate(string walPath, int frames)
    {
        using var stream = new FileStream(walPath, FileMode.Open, FileAccess.ReadWrite);
        stream.SetLength(HeaderSize + ((long)frames * FrameSize));
    }

    /// <summary>Rows SQLite reads from the database at <paramref name="path"/> (after recovering its WAL).</summary>
    public static long CountRows(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM t;";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void CopyShared(string source, string target)
    {
        using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var output = File.Create(target);
        input.CopyTo(output);
    }
}
