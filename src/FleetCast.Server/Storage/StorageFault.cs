using Microsoft.Data.Sqlite;

namespace FleetCast.Server.Storage;

/// <summary>A failed write that says something about the storage rather than the data: the disk is full
/// or the files cannot be written. <paramref name="Message"/> is SQLite's own wording.</summary>
public sealed record StorageFault(StorageFaultKind Kind, string Message, DateTimeOffset At)
{
    private const int SqliteIoErr = 10;
    private const int SqliteFull = 13;

    /// <summary>Short stable name: <c>full</c> or <c>io-error</c> (metrics labels, API extensions).</summary>
    public string Reason => Kind == StorageFaultKind.Full ? "full" : "io-error";

    /// <summary>One phrase for people: what is wrong, without SQLite's code.</summary>
    public string Summary => Kind == StorageFaultKind.Full
        ? "the database or its disk is full"
        : "writing the database failed with an I/O error";

    /// <summary>The fault <paramref name="exception"/> reports, or null when it is not a storage fault
    /// (a constraint, a busy lock, invalid data, ...).</summary>
    public static StorageFault? From(Exception exception, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is not SqliteException sqlite)
        {
            return null;
        }

        // The primary result code is the low byte; extended codes (SQLITE_IOERR_WRITE, ...) keep it.
        return (sqlite.SqliteErrorCode & 0xFF) switch
        {
            SqliteFull => new StorageFault(StorageFaultKind.Full, sqlite.Message, at),
            SqliteIoErr => new StorageFault(StorageFaultKind.IoError, sqlite.Message, at),
            _ => null,
        };
    }
}
