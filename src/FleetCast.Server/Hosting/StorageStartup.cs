using FleetCast.Server.Storage;
using FleetCast.Server.Windows;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FleetCast.Server.Hosting;

/// <summary>Runs first on start: opens storage (the database singleton is created here, so a bad data
/// directory fails the start) and rebuilds the rolling windows from the samples of the last window,
/// so the first snapshot after a restart sees the same windows as before it. Reports what the open found in a
/// WAL left by an unclean shutdown: a damaged one (committed transactions SQLite will not recover) is one error
/// naming the file, what is lost and where the copy is; FleetCast then starts on what SQLite did recover.</summary>
public sealed class StorageStartup(SqliteDatabase database, ISampleStore samples, IWindowStore windows, ILogger<StorageStartup> logger) : IHostedService
{
    /// <summary>Data time of the newest stored sample when the process started (null for an empty database).</summary>
    public DateTimeOffset? NewestStoredDataTime { get; private set; }

    public int RestoredSamples { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        ReportWal();
        NewestStoredDataTime = samples.LatestTimestamp();
        if (NewestStoredDataTime is { } newest && windows is WindowStore store)
        {
            RestoredSamples = store.RebuildFrom(samples, store.RebuildStart(newest));
            logger.LogInformation("Restored {Samples} samples of {Servers} servers into the windows (newest data time {Newest:O}) from {Path}.",
                RestoredSamples, windows.ServerCount, newest, database.FilePath);
        }
        else
        {
            logger.LogInformation("Storage at {Path} holds no samples yet.", database.FilePath);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void ReportWal()
    {
        if (database.WalCheck is not { } wal)
        {
            return;
        }

        if (!wal.IsDamaged)
        {
            logger.LogInformation("Recovering after an unclean shutdown: {Wal}.", wal.Describe());
            return;
        }

        logger.LogError("The write-ahead log of {Path} is damaged: {Wal}. The copy {Copy} keeps it as it was; FleetCast continues on the "
            + "transactions SQLite recovered, so samples of the lost transactions are missing unless their agents send them again.",
            database.FilePath, wal.Describe(), database.DamagedWalCopy);
    }

    /// <summary>Newest sample timestamp in the database in <paramref name="dataDirectory"/>, read before the server opens it
    /// (null when there is none). Read-only: no migration, and no checkpoint on close, so a WAL left by an unclean
    /// shutdown is still there, untouched, for the server's own open to inspect.</summary>
    /// <returns>Null as well when the file cannot be read; the server's open then says why.</returns>
    public static DateTimeOffset? NewestSampleTime(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, SqliteDatabase.FileName);
        if (!File.Exists(file))
        {
            return null;
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT MAX(ts) FROM samples;";
            return command.ExecuteScalar() is long seconds ? DbValues.FromUnixSeconds(seconds) : null;
        }
        catch (SqliteException)
        {
            return null;
        }
    }
}
