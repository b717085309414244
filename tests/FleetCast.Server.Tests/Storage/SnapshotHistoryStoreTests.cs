using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Storage;

public sealed class SnapshotHistoryStoreTests : IDisposable
{
    private readonly TempDatabase _temp = new();
    private readonly SnapshotHistoryStore _store;

    public SnapshotHistoryStoreTests() => _store = new SnapshotHistoryStore(_temp.Database);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Append_ThenRead_RoundTripsCountsAndScoresInTimeOrder()
    {
        var later = Point(2, Samples.Origin.AddMinutes(5), 30.5);
        var earlier = Point(1, Samples.Origin, 21.4);
        _store.Append(later);
        _store.Append(earlier);

        var points = _store.Read(Samples.Origin, Samples.Origin.AddMinutes(5));

        Assert.Equal([1L, 2L], points.Select(p => p.Version));
        var first = points[0];
        Assert.Equal(Samples.Origin, first.DataTime);
        Assert.Equal(21.4, first.AvgRisk);
        Assert.Equal(91.0, first.MaxRisk);
        Assert.Equal(4, first.ActiveAlerts);
        Assert.Equal(3, first.LevelCounts["critical"]);
        Assert.Equal(91.0, first.ServerScores["ppdb003"]);
        Assert.Equal(12.5, first.ServerScores["ppweb001"]);
    }

    [Fact]
    public void Read_RangeExcludingPoints_ReturnsNothing()
    {
        _store.Append(Point(1, Samples.Origin, 20));

        Assert.Empty(_store.Read(Samples.Origin.AddSeconds(1), Samples.Origin.AddHours(1)));
    }

    private static SnapshotHistoryPoint Point(long version, DateTimeOffset time, double avg) => new(
        version, time, avg, 91.0, 4,
        new Dictionary<string, int> { ["critical"] = 3, ["healthy"] = 87 },
        new Dictionary<string, double> { ["ppdb003"] = 91.0, ["ppweb001"] = 12.5 });
}
