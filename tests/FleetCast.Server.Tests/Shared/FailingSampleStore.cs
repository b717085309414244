using FleetCast.Core.Samples;
using FleetCast.Server.Storage;

namespace FleetCast.Server.Tests.Shared;

/// <summary>A sample store whose writes always fail (disk full, database locked, ...).</summary>
/// <param name="failure">The exception each write fails with; an IOException by default.</param>
public sealed class FailingSampleStore(Func<Exception>? failure = null) : ISampleStore
{
    public Task<int> AppendAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken = default) =>
        Task.FromException<int>(failure?.Invoke() ?? new IOException("disk full"));

    public IEnumerable<MetricSample> ReadSince(DateTimeOffset from) => [];

    public IReadOnlyList<MetricSample> ReadServer(string server, DateTimeOffset from, DateTimeOffset to) => [];

    public DateTimeOffset? LatestTimestamp() => null;

    public int DeleteOlderThan(DateTimeOffset cutoff) => 0;
}
