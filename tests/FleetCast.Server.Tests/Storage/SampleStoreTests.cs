using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Samples;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace FleetCast.Server.Tests.Storage;

public sealed class SampleStoreTests : IDisposable
{
    private readonly TempDatabase _temp = new();
    private readonly SampleStore _store;

    public SampleStoreTests() => _store = new SampleStore(_temp.Database);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Open_NewDirectory_UsesWalAndLatestSchema()
    {
        using var connection = _temp.Database.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        var mode = command.ExecuteScalar();

        Assert.Equal("wal", mode);
        Assert.Equal(SchemaMigrations.LatestVersion, _temp.Database.SchemaVersion);
        Assert.Equal(SchemaMigrations.LatestVersion, SchemaMigrations.ReadVersion(connection));
        Assert.Equal(Path.Combine(_temp.DirectoryPath, "fleetcast.db"), _temp.Database.FilePath);
    }

    [Fact]
    public async Task AppendAsync_ThenReadServer_RoundTripsValuesProfileAndMissing()
    {
        var sample = Samples.Of("ppdb001", Samples.Origin, ServerProfile.Database,
            (Metric.CpuUserPct, 41.5), (Metric.MemUsedPct, 88.25), (Metric.BackCloseWait, 3));

        var written = await _store.AppendAsync([sample]);
        var read = _store.ReadServer("ppdb001", Samples.Origin.AddMinutes(-1), Samples.Origin.AddMinutes(1));

        Assert.Equal(1, written);
        var stored = Assert.Single(read);
        Assert.Equal("ppdb001", stored.Server);
        Assert.Equal(Samples.Origin, stored.Timestamp);
        Assert.Equal(ServerProfile.Database, stored.Profile);
        Assert.Equal(41.5, stored[Metric.CpuUserPct]);
        Assert.Equal(88.25, stored[Metric.MemUsedPct]);
        Assert.Equal(3, stored[Metric.BackCloseWait]);
        Assert.True(double.IsNaN(stored[Metric.SwapUsedPct]), "an absent metric must stay missing, never 0");
    }

    [Fact]
    public async Task AppendAsync_SameServerAndSecondTwice_KeepsOneRowWithLatestValues()
    {
        await _store.AppendAsync([Samples.Of("ppweb001", Samples.Origin, (Metric.CpuUserPct, 10))]);

        await _store.AppendAsync([Samples.Of("ppweb001", Samples.Origin, (Metric.CpuUserPct, 20))]);
        await _store.AppendAsync([Samples.Of("ppweb001", Samples.Origin, (Metric.CpuUserPct, 20))]);

        var stored = Assert.Single(_store.ReadServer("ppweb001", Samples.Origin, Samples.Origin));
        Assert.Equal(20, stored[Metric.CpuUserPct]);
        Assert.Equal(1, _store.Count());
    }

    [Fact]
    public async Task LatestTimestamp_EmptyThenSamples_NullThenNewestSecond()
    {
        var empty = _store.LatestTimestamp();
        await _store.AppendAsync(
        [
            Samples.Of("a", Samples.Origin.AddSeconds(90), (Metric.CpuUserPct, 1)),
            Samples.Of("b", Samples.Origin.AddSeconds(30), (Metric.CpuUserPct, 2)),
        ]);

        var latest = _store.LatestTimestamp();

        Assert.Null(empty);
        Assert.Equal(Samples.Origin.AddSeconds(90), latest);
    }

    [Fact]
    public async Task AppendAsync_InvalidSampleInTheMiddle_StoresNothingOfTheBatch()
    {
        var batch = new[]
        {
            Samples.Full("ppml0001", Samples.Origin, 1),
            Samples.Full("ppml0002", Samples.Origin, 2),
            new MetricSample("ppml0003", Samples.Origin, null, [1.0, 2.0]),
            Samples.Full("ppml0004", Samples.Origin, 4),
        };

        await Assert.ThrowsAsync<ArgumentException>(() => _store.AppendAsync(batch));

        Assert.Equal(0, _store.Count());
        await _store.AppendAsync([Samples.Full("ppml0001", Samples.Origin, 1)]);
        Assert.Equal(1, _store.Count());
    }

    [Fact]
    public async Task ReadSince_SamplesOfManyServers_ReturnsThoseFromCutoffOrderedByTime()
    {
        await _store.AppendAsync(
        [
            Samples.Full("b", Samples.Origin.AddMinutes(10), 1),
            Samples.Full("a", Samples.Origin, 2),
            Samples.Full("a", Samples.Origin.AddMinutes(10), 3),
            Samples.Full("c", Samples.Origin.AddMinutes(5), 4),
        ]);

        var read = _store.ReadSince(Samples.Origin.AddMinutes(5)).ToList();

        Assert.Equal(["c", "a", "b"], read.Select(s => s.Server));
        Assert.Equal([4.0, 3.0, 1.0], read.Select(s => s.Values[0]));
    }

    [Fact]
    public async Task DeleteOlderThan_Cutoff_RemovesOnlyOlderSamples()
    {
        await _store.AppendAsync(
        [
            Samples.Full("a", Samples.Origin, 1),
            Samples.Full("a", Samples.Origin.AddHours(1), 2),
            Samples.Full("b", Samples.Origin.AddHours(2), 3),
        ]);

        var deleted = _store.DeleteOlderThan(Samples.Origin.AddHours(1));

        Assert.Equal(1, deleted);
        Assert.Equal([Samples.Origin.AddHours(1), Samples.Origin.AddHours(2)], _store.ReadSince(DateTimeOffset.UnixEpoch).Select(s => s.Timestamp));
    }

    [Fact]
    public async Task AppendAsync_ThenDisposeAndReopen_SamplesArePresent()
    {
        await _store.AppendAsync([Samples.Full("ppetl001", Samples.Origin, 7)]);

        var reopened = _temp.Reopen();
        var stored = new SampleStore(reopened).ReadServer("ppetl001", Samples.Origin, Samples.Origin);

        Assert.Equal(7, Assert.Single(stored).Values[0]);
    }

    [Fact]
    public async Task AppendAsync_FilesCopiedWithoutClosing_CopyContainsTheCommittedBatch()
    {
        // Simulates kill -9 right after the commit: the process never closes the database or checkpoints;
        // whatever is in the main file and the WAL at that moment is all a restart gets.
        await _store.AppendAsync([Samples.Full("ppcon01", Samples.Origin, 5), Samples.Full("ppcon02", Samples.Origin, 6)]);
        using var crashCopy = new TempDirectory();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            var source = _temp.Database.FilePath + suffix;
            if (File.Exists(source))
            {
                using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var output = File.Create(crashCopy.Combine(SqliteDatabase.FileName + suffix));
                input.CopyTo(output);
            }
        }

        using var recovered = new SqliteDatabase(new SqliteStorageOptions(crashCopy.Path));
        var samples = new SampleStore(recovered).ReadSince(DateTimeOffset.UnixEpoch).ToList();

        Assert.Equal(["ppcon01", "ppcon02"], samples.Select(s => s.Server));
        SqliteConnection.ClearAllPools();
    }
}
