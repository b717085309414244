using FleetCast.Server.Options;
using FleetCast.Server.Storage;
using FleetCast.Server.Windows;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetCast.Server.Hosting;

/// <summary>Deletes samples, fleet history and ended cascades older than Retention:Days behind the newest data
/// time (data time, so an accelerated demo and a real fleet keep the same amount of history).</summary>
public sealed class RetentionService(ISampleStore samples, ISnapshotHistoryStore history, ICascadeStore cascades, IWindowStore windows, IOptions<FleetCastOptions> options,
    TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            RunOnce();
        }
    }

    internal int RunOnce()
    {
        if (windows.LatestDataTime is not { } newest)
        {
            return 0;
        }

        var cutoff = newest.AddDays(-options.Value.Retention.Days);
        try
        {
            var deleted = samples.DeleteOlderThan(cutoff);
            if (history is SnapshotHistoryStore store)
            {
                deleted += store.DeleteOlderThan(cutoff);
            }

            deleted += cascades.DeleteEndedBefore(cutoff);

            return deleted;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Retention cleanup before {Cutoff:O} failed; it is retried later.", cutoff);
            return 0;
        }
    }
}
