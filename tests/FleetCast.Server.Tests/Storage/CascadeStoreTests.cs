using FleetCast.Core.Cascades;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Storage;

public sealed class CascadeStoreTests : IDisposable
{
    private readonly TempDatabase _temp = new();
    private CascadeStore _store;

    public CascadeStoreTests() => _store = new CascadeStore(_temp.Database);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Save_ThenRead_RoundTripsEveryField()
    {
        var saved = TestCascades.Event(7, Samples.Origin, Samples.Origin.AddHours(1));
        _store.Save([saved]);

        var read = Assert.Single(_store.Read(Samples.Origin, Samples.Origin.AddHours(2)));

        Assert.Equal(saved with { RootCandidates = [], Affected = [] }, read with { RootCandidates = [], Affected = [] });
        Assert.Equal(saved.RootCandidates, read.RootCandidates);
        Assert.Equal(saved.Affected, read.Affected);
        Assert.Equal(Metric.BackCloseWait, read.Affected[1].PeakMetric);
        Assert.Equal(ServerProfile.WebApi, read.Affected[1].Profile);
    }

    [Fact]
    public void DeleteEndedBefore_KeepsActiveAndRecentCascades()
    {
        var old = TestCascades.Event(1, Samples.Origin, Samples.Origin.AddHours(1));
        var recent = TestCascades.Event(2, Samples.Origin.AddDays(3), Samples.Origin.AddDays(3).AddHours(1));
        var active = TestCascades.Event(3, Samples.Origin, null);
        _store.Save([old, recent, active]);

        var deleted = _store.DeleteEndedBefore(Samples.Origin.AddDays(2));

        Assert.Equal(1, deleted);
        Assert.Equal([2L, 3L], _store.Read(Samples.Origin.AddDays(-1), Samples.Origin.AddDays(4)).Select(c => c.Id).Order());
    }

    [Fact]
    public void Save_SameIdAgain_ReplacesTheRow()
    {
        _store.Save([TestCascades.Event(1, Samples.Origin)]);

        _store.Save([TestCascades.Event(1, Samples.Origin, Samples.Origin.AddMinutes(30)) with { Severity = CascadeSeverity.High }]);

        var read = Assert.Single(_store.Read(Samples.Origin, Samples.Origin.AddHours(1)));
        Assert.Equal(CascadeSeverity.High, read.Severity);
        Assert.Equal(Samples.Origin.AddMinutes(30), read.EndedAt);
        Assert.Empty(_store.LoadActive());
    }

    [Fact]
    public void Read_RangeAndActiveFilter_ReturnsOverlappingNewestFirst()
    {
        _store.Save(
        [
            TestCascades.Event(1, Samples.Origin.AddHours(-5), Samples.Origin.AddHours(-4)),
            TestCascades.Event(2, Samples.Origin.AddHours(-2), Samples.Origin.AddHours(-1)),
            TestCascades.Event(3, Samples.Origin.AddMinutes(-30)),
        ]);
        var from = Samples.Origin.AddHours(-3);

        Assert.Equal([3L, 2L], _store.Read(from, Samples.Origin).Select(e => e.Id));
        Assert.Equal([3L], _store.Read(from, Samples.Origin, active: true).Select(e => e.Id));
        Assert.Equal([2L], _store.Read(from, Samples.Origin, active: false).Select(e => e.Id));
        Assert.Equal(3, _store.MaxId());
    }

    [Fact]
    public void LoadActive_AfterReopeningTheDatabase_ReturnsTheOpenCascade()
    {
        _store.Save([TestCascades.Event(1, Samples.Origin, Samples.Origin.AddMinutes(30)), TestCascades.Event(2, Samples.Origin.AddHours(1))]);

        _store = new CascadeStore(_temp.Reopen());

        var active = Assert.Single(_store.LoadActive());
        Assert.Equal(2, active.Id);
        Assert.Equal(3, active.Affected.Count);
        Assert.Equal(2, _store.MaxId());
    }
}
