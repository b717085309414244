using FleetCast.Core.Metrics;
using FleetCast.Server.Ingest;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;
using FleetCast.Server.Windows;

namespace FleetCast.Server.Tests.Ingest;

public sealed class IngestServiceTests : IDisposable
{
    private readonly TempDatabase _temp = new();
    private readonly SampleStore _store;
    private readonly WindowStore _windows = new(new WindowStoreOptions { WindowSteps = 12, LookbackSteps = 2 });
    private readonly ManualTimeProvider _clock = new(Samples.Origin);

    public IngestServiceTests() => _store = new SampleStore(_temp.Database);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task IngestAsync_Batch_StoredThenAppliedAndCounted()
    {
        var service = new IngestService(_store, _windows, new IngestStatistics(_clock));
        var batch = new[]
        {
            Samples.Of("a", Samples.Origin, (Metric.CpuUserPct, 10), (Metric.MemUsedPct, 20)),
            Samples.Of("a", Samples.Origin.AddMinutes(5), (Metric.CpuUserPct, 10)),
            Samples.Of("b", Samples.Origin, (Metric.CpuUserPct, 10)),
        };

        var result = await service.IngestAsync(batch);

        Assert.Equal(new IngestResult(3, 2, 1), result);
        Assert.Equal(3, _store.Count());
        Assert.Equal(2, _windows.ServerCount);
        Assert.Equal(3, service.Statistics.TotalSamples);
        Assert.Equal(4, service.Statistics.TotalValues);
    }

    [Fact]
    public async Task IngestAsync_StoreFails_WindowsUnchangedAndNothingCounted()
    {
        var service = new IngestService(new FailingSampleStore(), _windows, new IngestStatistics(_clock));

        await Assert.ThrowsAsync<IOException>(() => service.IngestAsync([Samples.Of("a", Samples.Origin, (Metric.CpuUserPct, 10))]));

        Assert.Equal(0, _windows.ServerCount);
        Assert.Null(_windows.LatestDataTime);
        Assert.Equal(0, service.Statistics.TotalSamples);
    }

    [Fact]
    public async Task IngestAsync_ConcurrentBatches_AllStoredAndApplied()
    {
        var service = new IngestService(_store, _windows, new IngestStatistics(_clock));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            service.IngestAsync([.. Enumerable.Range(0, 50).Select(j => Samples.Full($"s{i}", Samples.Origin.AddSeconds(j), j))])));

        Assert.Equal(400, _store.Count());
        Assert.Equal(8, _windows.ServerCount);
        Assert.Equal(400 * MetricCatalog.Count, service.Statistics.TotalValues);
    }
}
