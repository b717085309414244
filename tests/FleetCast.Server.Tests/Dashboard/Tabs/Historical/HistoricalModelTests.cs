using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Dashboard.Tabs.Historical;
using FleetCast.Server.Storage;

namespace FleetCast.Server.Tests.Dashboard.Tabs.Historical;

public sealed class HistoricalModelTests
{
    private static readonly DateTimeOffset To = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_MorePointsThanChartLimit_KeepsHighestCountPerBucket()
    {
        // Arrange: 30 days at 5-minute steps, one spike of 9 critical servers.
        var from = To.AddDays(-30);
        var points = Enumerable.Range(0, 8640).Select(i => Point(from.AddMinutes(5 * i), critical: i == 4000 ? 9 : 1)).ToArray();

        // Act
        var model = HistoricalModel.Create(from, To, points, []);

        // Assert
        var critical = model.Levels.Single(l => l.Level.WireName == "critical").Points;
        Assert.NotNull(model.LevelBucket);
        Assert.InRange(critical.Count, HistoricalModel.MaxChartPoints - 1, HistoricalModel.MaxChartPoints);
        Assert.Equal(9, critical.Max(p => p.Count));
        Assert.Equal(1, critical.Min(p => p.Count));
        Assert.Equal(8640, model.SnapshotPoints);
    }

    [Fact]
    public void Create_FewPoints_KeepsEveryPointAsStored()
    {
        var from = To.AddHours(-1);
        var points = Enumerable.Range(0, 12).Select(i => Point(from.AddMinutes(5 * i), critical: i)).ToArray();

        var model = HistoricalModel.Create(from, To, points, []);

        Assert.Null(model.LevelBucket);
        Assert.Equal(Enumerable.Range(0, 12), model.Levels.Single(l => l.Level.WireName == "critical").Points.Select(p => p.Count));
    }

    [Fact]
    public void Create_Alerts_CountsStartsPerBucketBySeverityAndListsNewestFirst()
    {
        // Arrange
        var from = To.AddHours(-1);
        var alerts = new[]
        {
            Alert(1, AlertSeverity.Warning, from.AddMinutes(1)),
            Alert(2, AlertSeverity.Critical, from.AddMinutes(2)),
            Alert(3, AlertSeverity.Critical, To),
            Alert(4, AlertSeverity.Warning, from.AddHours(-2)),
        };

        // Act
        var model = HistoricalModel.Create(from, To, [], alerts);

        // Assert
        Assert.Equal(TimeSpan.FromMinutes(1), model.TimelineBucket);
        Assert.Equal((1, 1), (model.Timeline[1].Warning, model.Timeline[2].Critical));
        Assert.Equal(1, model.Timeline[^1].Critical);
        Assert.Equal(3, model.Timeline.Sum(b => b.Warning + b.Critical));
        Assert.Equal([3L, 2L, 1L, 4L], model.AlertRows.Select(a => a.Id));
        Assert.Equal(4, model.AlertTotal);
        Assert.False(model.HasSnapshots);
    }

    private static SnapshotHistoryPoint Point(DateTimeOffset time, int critical) =>
        new(1, time, 10, 50, 0, new Dictionary<string, int> { ["critical"] = critical, ["healthy"] = 90 - critical }, new Dictionary<string, double> { ["ppdb001"] = critical * 10 });

    private static AlertRecord Alert(long id, AlertSeverity severity, DateTimeOffset started) =>
        new(id, "ppdb001", new AlertMetricFinding(Metric.CpuUserPct, severity, AlertLikelihood.Likely, 95, 97, 10), started, null);
}
