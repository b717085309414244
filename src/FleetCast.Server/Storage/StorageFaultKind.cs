namespace FleetCast.Server.Storage;

/// <summary>Why a write to the database failed in a way the caller cannot fix by changing its request.</summary>
public enum StorageFaultKind
{
    /// <summary>SQLITE_FULL: the disk (or the database's page limit) has no room for the write.</summary>
    Full,

    /// <summary>SQLITE_IOERR: the operating system failed a read, write or sync of the database files.</summary>
    IoError,
}
