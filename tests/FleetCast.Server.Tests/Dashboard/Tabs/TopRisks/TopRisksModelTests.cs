using FleetCast.Dashboard.Tabs.TopRisks;
using FleetCast.Server.Tests.Dashboard.Shared;

namespace FleetCast.Server.Tests.Dashboard.Tabs.TopRisks;

public sealed class TopRisksModelTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(20)]
    public void From_Count_RanksTheSummarysTopListWithFactorsAndAlertCounts(int count)
    {
        var snapshot = TestSnapshots.Create(servers: 30).Snapshot;

        var model = TopRisksModel.From(snapshot, count);

        Assert.Equal(count, model.Entries.Count);
        Assert.Equal(Enumerable.Range(1, count), model.Entries.Select(e => e.Rank));
        var top = model.Entries[0];
        Assert.Equal(snapshot.Summary.Top5[0], top.Server.Server);
        Assert.Equal(snapshot.Alerts.Count(a => a.Server == top.Server.Server), top.ActiveAlerts);
        Assert.Equal(top.Factors.OrderByDescending(f => f.Points), top.Factors);
    }

    [Fact]
    public void From_UnsupportedCount_NamesTheParameter()
    {
        var snapshot = TestSnapshots.Create().Snapshot;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TopRisksModel.From(snapshot, 7));

        Assert.Equal("count", error.ParamName);
    }
}
