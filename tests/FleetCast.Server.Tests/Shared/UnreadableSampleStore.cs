using FleetCast.Core.Samples;
using FleetCast.Server.Storage;
using Microsoft.Data.Sqlite;

namespace FleetCast.Server.Tests.Shared;

/// <summary>A sample store whose reads fail like a locked or corrupt database.</summary>
public sealed class UnreadableSampleStore : ISampleStore
{
    public Task<int> AppendAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken = default) => Task.FromResult(samples.Count);

    public IEnumerable<MetricSample> ReadSince(DateTimeOffset from) => [];

    public IReadOnlyList<MetricSample> ReadServer(string server, DateTimeOffset from, DateTimeOffset to) =>
        throw new SqliteException("database is locked", 5);

    public DateTimeOffset? LatestTimestamp() => null;

    public int DeleteOlderThan(DateTimeOffset cutoff) => 0;
}
