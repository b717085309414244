using FleetCast.Core.Levels;
using FleetCast.Dashboard.Tabs.Overview;
using FleetCast.Server.Tests.Dashboard.Shared;

namespace FleetCast.Server.Tests.Dashboard.Tabs.Overview;

public sealed class OverviewModelTests
{
    [Fact]
    public void From_Snapshot_CopiesSummaryCountsForEveryLevelHighestFirst()
    {
        var snapshot = TestSnapshots.Create(servers: 25).Snapshot;

        var model = OverviewModel.From(snapshot);

        Assert.Equal(RiskLadder.Levels.Select(l => l.Level), model.LevelCounts.Select(c => c.Style.Level));
        Assert.Equal(25, model.LevelCounts.Sum(c => c.Count));
        Assert.All(model.LevelCounts, c => Assert.Equal(snapshot.Summary.LevelCounts[c.Style.WireName], c.Count));
    }

    [Fact]
    public void From_Snapshot_TopServersFollowTheSummaryOrder()
    {
        var snapshot = TestSnapshots.Create(servers: 25).Snapshot;

        var model = OverviewModel.From(snapshot);

        Assert.Equal(snapshot.Summary.Top20, model.TopServers.Select(s => s.Server));
        Assert.Equal(model.TopServers.OrderByDescending(s => s.RiskScore).Select(s => s.Server), model.TopServers.Select(s => s.Server));
    }

    [Fact]
    public void From_ManyAlerts_ShowsTheMostUrgentFirstUpToTheRowLimit()
    {
        var snapshot = TestSnapshots.Create(servers: 40).Snapshot;

        var model = OverviewModel.From(snapshot);

        Assert.Equal(OverviewModel.AlertRows, model.TopAlerts.Count);
        Assert.Equal(snapshot.Alerts.Count, model.AlertCount);
        Assert.Equal(Core.Alerts.AlertSeverity.Critical, model.TopAlerts[0].Severity);
    }

    [Fact]
    public void From_SummaryMissingALevel_CountsItAsZero()
    {
        var published = TestSnapshots.Create(servers: 3);
        var snapshot = published.Snapshot with
        {
            Summary = published.Snapshot.Summary with { LevelCounts = new Dictionary<string, int> { ["healthy"] = 3 } },
        };

        var model = OverviewModel.From(snapshot);

        Assert.Equal(3, model.LevelCounts.Single(c => c.Style.Level == RiskLevel.Healthy).Count);
        Assert.All(model.LevelCounts.Where(c => c.Style.Level != RiskLevel.Healthy), c => Assert.Equal(0, c.Count));
    }
}
