using FleetCast.Server.Storage;
using FleetCast.Server.Windows;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FleetCast.Server.Hosting;

/// <summary>Runs first on start: opens storage (the database singleton is created here, so a bad data
/// directory fails the start) and rebuilds the rolling windows from the samples of the last window,
/// so the first snapshot after a restart sees the same windows as before it.</summary>
public sealed class StorageStartup(SqliteDatabase database, ISampleStore samples, IWindowStore windows, ILogger<StorageStartup> logger) : IHostedService
{
    /// <summary>Data time of the newest stored sample when the process started (null for an empty database).</summary>
    public DateTimeOffset? NewestStoredDataTime { get; private set; }

    public int RestoredSamples { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
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

    /// <summary>Newest sample timestamp in the database (null for an empty one).</summary>
    public static DateTimeOffset? NewestSampleTime(SqliteDatabase database) => new SampleStore(database).LatestTimestamp();
}
