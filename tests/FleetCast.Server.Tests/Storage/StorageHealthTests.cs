using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace FleetCast.Server.Tests.Storage;

/// <summary>A genuinely full database (SQLite's page cap), its fault in <see cref="StorageHealth"/>, and recovery.</summary>
public sealed class StorageHealthTests : IDisposable
{
    private readonly TempDatabase _temp = new();
    private readonly SampleStore _store;

    public StorageHealthTests() => _store = new SampleStore(_temp.Database);

    [Fact]
    public async Task Append_DatabaseFull_FailsWithSqliteFullAndStoresNothingOfTheBatch()
    {
        await _store.AppendAsync([Samples.Full("ppweb001", Samples.Origin, 1)]);
        CapAtCurrentSize();

        var error = await Assert.ThrowsAsync<SqliteException>(() => _store.AppendAsync(Batch(400)));

        Assert.Equal(13, error.SqliteErrorCode);
        var fault = _temp.Database.Health.Fault;
        Assert.NotNull(fault);
        Assert.Equal(StorageFaultKind.Full, fault.Kind);
        Assert.Equal("full", fault.Reason);
        Assert.Equal(1, _temp.Database.Health.FullFailures);
        Assert.Equal(1, _store.Count());
    }

    [Fact]
    public async Task ProbeWrite_StillFull_FailsThenSucceedsOnceTheCapIsRaised()
    {
        CapAtCurrentSize();
        await Assert.ThrowsAsync<SqliteException>(() => _store.AppendAsync(Batch(400)));

        Assert.False(_temp.Database.ProbeWrite());
        Assert.NotNull(_temp.Database.Health.Fault);

        _temp.Database.SetMaxPageCount(1_000_000);

        Assert.True(_temp.Database.ProbeWrite());
        Assert.Null(_temp.Database.Health.Fault);
        Assert.Equal(400, await _store.AppendAsync(Batch(400)));
    }

    [Fact]
    public async Task Health_ChangedFiresOncePerTransition()
    {
        var changes = new List<StorageFault?>();
        _temp.Database.Health.Changed += changes.Add;
        CapAtCurrentSize();

        await Assert.ThrowsAsync<SqliteException>(() => _store.AppendAsync(Batch(400)));
        await Assert.ThrowsAsync<SqliteException>(() => _store.AppendAsync(Batch(400)));
        _temp.Database.SetMaxPageCount(1_000_000);
        await _store.AppendAsync(Batch(400));
        await _store.AppendAsync(Batch(10));

        Assert.Equal(2, changes.Count);
        Assert.Equal(StorageFaultKind.Full, changes[0]!.Kind);
        Assert.Null(changes[1]);
        Assert.Equal(2, _temp.Database.Health.FullFailures);
    }

    [Theory]
    [InlineData(13, StorageFaultKind.Full)]
    [InlineData(10, StorageFaultKind.IoError)]
    [InlineData(778, StorageFaultKind.IoError)] // SQLITE_IOERR_WRITE
    public void From_FullOrIoError_IsAStorageFault(int code, StorageFaultKind kind)
    {
        Assert.Equal(kind, StorageFault.From(new SqliteException("failed", code), Samples.Origin)!.Kind);
    }

    [Fact]
    public void From_OtherErrors_AreNotStorageFaults()
    {
        Assert.Null(StorageFault.From(new SqliteException("database is locked", 5), Samples.Origin));
        Assert.Null(StorageFault.From(new SqliteException("constraint failed", 19), Samples.Origin));
        Assert.Null(StorageFault.From(new IOException("disk full"), Samples.Origin));
    }

    private void CapAtCurrentSize()
    {
        var pages = _temp.Database.Read(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_count;";
            return (long)command.ExecuteScalar()!;
        });
        Assert.Equal(pages, _temp.Database.SetMaxPageCount(pages));
    }

    private static List<FleetCast.Core.Samples.MetricSample> Batch(int servers) =>
        Enumerable.Range(0, servers).Select(i => Samples.Full($"ppfull{i:000}", Samples.Origin.AddHours(1), i)).ToList();

    public void Dispose() => _temp.Dispose();
}
