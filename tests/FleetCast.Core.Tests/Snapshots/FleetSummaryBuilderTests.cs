using FleetCast.Core.Profiles;
using FleetCast.Core.Snapshots;
using static FleetCast.Core.Tests.Shared.TestRows;

namespace FleetCast.Core.Tests.Snapshots;

public sealed class FleetSummaryBuilderTests
{
    private static readonly Dictionary<string, double> NoPrevious = [];

    [Fact]
    public void Build_Fleet_CountsEveryLevelAndProfileIncludingZeros()
    {
        ServerRow[] servers =
        [
            Row("ppdb001", 91, ServerProfile.Database),
            Row("ppdb002", 85, ServerProfile.Database),
            Row("ppweb001", 10, ServerProfile.WebApi),
            Row("ppweb002", 35, ServerProfile.WebApi),
        ];

        var summary = FleetSummaryBuilder.Build(servers, NoPrevious);

        Assert.Equal(["imminent-failure", "critical", "danger", "warning", "degrading", "watch", "healthy"], summary.LevelCounts.Keys.ToArray());
        Assert.Equal([1, 1, 0, 0, 0, 1, 1], summary.LevelCounts.Values.ToArray());
        Assert.Equal(7, summary.ProfileCounts.Count);
        Assert.Equal(2, summary.ProfileCounts["database"]);
        Assert.Equal(2, summary.ProfileCounts["web_api"]);
        Assert.Equal(0, summary.ProfileCounts["ml_compute"]);
        Assert.Equal(4, summary.TotalServers);
    }

    [Fact]
    public void Build_Scores_AverageAndMaximumRoundedToOneDecimal()
    {
        ServerRow[] servers = [Row("a", 10.04), Row("b", 20.03), Row("c", 33.33)];

        var summary = FleetSummaryBuilder.Build(servers, NoPrevious);

        Assert.Equal(21.1, summary.AvgRisk);
        Assert.Equal(33.3, summary.MaxRisk);
    }

    [Fact]
    public void Build_EmptyFleet_ZerosAndEmptyLists()
    {
        var summary = FleetSummaryBuilder.Build([], NoPrevious);

        Assert.Equal(0, summary.TotalServers);
        Assert.Equal(0, summary.AvgRisk);
        Assert.Equal(0, summary.MaxRisk);
        Assert.Empty(summary.Top5);
        Assert.Empty(summary.Top20);
        Assert.All(summary.LevelCounts.Values, c => Assert.Equal(0, c));
    }

    [Fact]
    public void Build_TopLists_OrderByRiskThenNameAndHaveTheirSizes()
    {
        var servers = Enumerable.Range(1, 25).Select(i => Row($"srv{i:000}", i % 5 * 10)).ToArray();

        var summary = FleetSummaryBuilder.Build(servers, NoPrevious);

        Assert.Equal(["srv004", "srv009", "srv014", "srv019", "srv024"], summary.Top5);
        Assert.Equal(10, summary.Top10.Count);
        Assert.Equal(summary.Top5, summary.Top10.Take(5));
        Assert.Equal(["srv003", "srv008", "srv013", "srv018", "srv023"], summary.Top10.Skip(5));
        Assert.Equal(20, summary.Top20.Count);
    }

    [Fact]
    public void Build_ReadyAndStale_AreCounted()
    {
        ServerRow[] servers = [Row("a", 1), Row("b", 1, ready: false), Row("c", 1, stale: true), Row("d", 1, ready: false)];

        var summary = FleetSummaryBuilder.Build(servers, NoPrevious);

        Assert.Equal(2, summary.ReadyServers);
        Assert.Equal(1, summary.StaleServers);
    }

    [Fact]
    public void Build_PreviousScores_CountChangesOfAtLeastFivePoints()
    {
        ServerRow[] servers = [Row("up5", 45), Row("up4", 44.9), Row("down5", 10), Row("down7", 3), Row("new", 90)];
        var previous = new Dictionary<string, double> { ["up5"] = 40, ["up4"] = 40, ["down5"] = 15, ["down7"] = 10, ["gone"] = 0 };

        var summary = FleetSummaryBuilder.Build(servers, previous);

        Assert.Equal(1, summary.Degrading);
        Assert.Equal(2, summary.Improving);
    }
}
