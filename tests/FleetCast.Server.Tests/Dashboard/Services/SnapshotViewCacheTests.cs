using FleetCast.Dashboard.Services;
using FleetCast.Server.Tests.Dashboard.Shared;

namespace FleetCast.Server.Tests.Dashboard.Services;

public sealed class SnapshotViewCacheTests
{
    [Fact]
    public void GetOrAdd_SameSnapshotAndKey_BuildsOnceAndSharesTheResult()
    {
        var cache = new SnapshotViewCache();
        var snapshot = TestSnapshots.Create(version: 1);
        var builds = 0;

        var first = cache.GetOrAdd(snapshot, "overview", _ => { builds++; return new object(); });
        var second = cache.GetOrAdd(snapshot, "overview", _ => { builds++; return new object(); });

        Assert.Same(first, second);
        Assert.Equal(1, builds);
    }

    [Fact]
    public void GetOrAdd_OtherKeyOrSnapshot_BuildsAgain()
    {
        var cache = new SnapshotViewCache();
        var one = TestSnapshots.Create(version: 1);
        var two = TestSnapshots.Create(version: 2);

        var page1 = cache.GetOrAdd(one, "heatmap::0", p => p.Snapshot.Version + ":0");
        var page2 = cache.GetOrAdd(one, "heatmap::1", p => p.Snapshot.Version + ":1");
        var next = cache.GetOrAdd(two, "heatmap::0", p => p.Snapshot.Version + ":0");

        Assert.Equal("1:0", page1);
        Assert.Equal("1:1", page2);
        Assert.Equal("2:0", next);
    }

    [Fact]
    public async Task GetOrRead_SessionsAskingForTheSameSnapshotAndKey_ShareOneRead()
    {
        var cache = new SnapshotViewCache();
        var one = TestSnapshots.Create(version: 1);
        var two = TestSnapshots.Create(version: 2);
        var reads = 0;
        using var release = new ManualResetEventSlim();
        Task<string> Read()
        {
            Interlocked.Increment(ref reads);
            release.Wait();
            return Task.FromResult("history");
        }

        var first = cache.GetOrRead(one, "historical:8h:", Read);
        var second = cache.GetOrRead(one, "historical:8h:", Read);
        release.Set();

        Assert.Equal("history", await first);
        Assert.Equal("history", await second);
        await cache.GetOrRead(two, "historical:8h:", Read);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task GetOrRead_ReadFailed_ReadsAgainOnceTheFailureWasSeen()
    {
        var cache = new SnapshotViewCache();
        var snapshot = TestSnapshots.Create(version: 1);
        var reads = 0;
        Task<string> Read() => ++reads == 1 ? throw new IOException("database is locked") : Task.FromResult("history");

        await Assert.ThrowsAsync<IOException>(() => cache.GetOrRead(snapshot, "historical:8h:", Read));
        var again = await cache.GetOrRead(snapshot, "historical:8h:", Read);
        var cached = await cache.GetOrRead(snapshot, "historical:8h:", Read);

        // Once a caller has seen the failure, the next call reads again (however fast the read failed), and
        // its success is kept.
        Assert.Equal("history", again);
        Assert.Equal("history", cached);
        Assert.Equal(2, reads);
    }
}
