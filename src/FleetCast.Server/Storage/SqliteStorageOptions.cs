namespace FleetCast.Server.Storage;

/// <summary>Where the database lives and how hard each commit is pushed to disk.</summary>
/// <param name="DataDirectory">Folder that holds <c>fleetcast.db</c> (created when missing).</param>
public sealed record SqliteStorageOptions(string DataDirectory)
{
    /// <summary>
    /// True (default): <c>PRAGMA synchronous=FULL</c>, every commit fsyncs the WAL, so an acknowledged
    /// batch survives a process kill and a power loss. False: <c>NORMAL</c>, a committed transaction
    /// still survives kill -9 (it is in the WAL file, the OS owns the pages), but the last commits before
    /// a power loss or kernel crash may be lost. FULL costs one fsync per transaction, i.e. per batch.
    /// </summary>
    public bool SynchronousFull { get; init; } = true;

    /// <summary>Seconds a statement waits for a lock held by another connection before failing.</summary>
    public int BusyTimeoutSeconds { get; init; } = 30;

    /// <summary>Clock for the times of storage faults and the name of a damaged WAL's copy.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
