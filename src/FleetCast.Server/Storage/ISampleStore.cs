using FleetCast.Core.Samples;

namespace FleetCast.Server.Storage;

/// <summary>Durable store of raw samples (SQLite, WAL).</summary>
public interface ISampleStore
{
    /// <summary>Commits all samples in one transaction. When the task completes the batch is durable
    /// (survives kill -9). A (server, timestamp) already stored is replaced by the same values: idempotent.</summary>
    /// <returns>Number of samples written.</returns>
    Task<int> AppendAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken = default);

    /// <summary>All samples with timestamp ≥ <paramref name="from"/>, ordered by timestamp (used to rebuild windows).</summary>
    IEnumerable<MetricSample> ReadSince(DateTimeOffset from);

    /// <summary>One server's samples in [from, to], oldest first.</summary>
    IReadOnlyList<MetricSample> ReadServer(string server, DateTimeOffset from, DateTimeOffset to);

    /// <summary>Timestamp of the newest stored sample (any server), or null when none is stored.</summary>
    DateTimeOffset? LatestTimestamp();

    /// <summary>Deletes samples older than the cutoff (retention); returns the number deleted.</summary>
    int DeleteOlderThan(DateTimeOffset cutoff);
}
