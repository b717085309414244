using FleetCast.Core.Levels;
using FleetCast.Core.Profiles;
using FleetCast.Dashboard.Tabs.Cascade;
using FleetCast.Server.Storage;

namespace FleetCast.Server.Tests.Dashboard.ViewModels;

public sealed class CascadeModelTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, (ServerProfile Profile, double Risk)> Current = new(StringComparer.Ordinal)
    {
        ["ppdb001"] = (ServerProfile.Database, 72),
        ["ppdb002"] = (ServerProfile.Database, 40),
        ["ppdb003"] = (ServerProfile.Database, 65),
        ["ppweb001"] = (ServerProfile.WebApi, 81),
        ["ppweb002"] = (ServerProfile.WebApi, 10),
    };

    [Fact]
    public void Create_TwoDatabasesEnterWithinThreeSteps_OneGroupWithEntryTimesAndCurrentLevels()
    {
        // Arrange: ppdb001 enters at step 2, ppdb002 at step 4 (2 steps later), ppdb003 at step 9 (too late);
        // ppweb001 enters alone.
        var history = Steps(10, step => new Dictionary<string, double>
        {
            ["ppdb001"] = step >= 2 ? 70 : 20,
            ["ppdb002"] = step is >= 4 and < 7 ? 62 : 30,
            ["ppdb003"] = step >= 9 ? 65 : 55,
            ["ppweb001"] = step >= 3 ? 85 : 25,
            ["ppweb002"] = 10,
        });

        // Act
        var model = Create(history);

        // Assert
        var group = Assert.Single(model.Groups);
        Assert.Equal(ServerProfile.Database, group.Profile);
        Assert.Equal(["ppdb001", "ppdb002"], group.Members.Select(m => m.Server));
        Assert.Equal(Start.AddMinutes(10), group.FirstEntered);
        Assert.Equal(Start.AddMinutes(20), group.LastEntered);
        Assert.Equal(RiskLevel.Danger, group.Members[0].CurrentLevel);
        Assert.Equal(1, group.StillElevated);
    }

    [Fact]
    public void Create_History_CountsElevatedServersPerProfilePerStep()
    {
        var history = Steps(10, step => new Dictionary<string, double>
        {
            ["ppdb001"] = step >= 2 ? 70 : 20,
            ["ppdb002"] = step is >= 4 and < 7 ? 62 : 30,
            ["ppweb001"] = step >= 3 ? 85 : 25,
        });

        var model = Create(history);

        Assert.Equal([ServerProfile.Database, ServerProfile.WebApi], model.Series.Select(s => s.Profile));
        Assert.Equal([0, 0, 1, 1, 2, 2, 2, 1, 1, 1], model.Series[0].Points.Select(p => p.Count));
        Assert.Equal(2, model.Series[0].Peak);
        Assert.Equal([0, 0, 0, 1, 1, 1, 1, 1, 1, 1], model.Series[1].Points.Select(p => p.Count));
    }

    [Fact]
    public void Create_ElevatedFromTheFirstStoredStep_HasNoKnownEntryAndFormsNoGroup()
    {
        var history = Steps(5, _ => new Dictionary<string, double> { ["ppdb001"] = 90, ["ppdb002"] = 90 });

        var model = Create(history);

        Assert.Empty(model.Groups);
        Assert.True(model.HasHistory);
    }

    [Fact]
    public void Create_OnePoint_HasNoHistory()
    {
        var model = Create(Steps(1, _ => new Dictionary<string, double> { ["ppdb001"] = 90 }));

        Assert.False(model.HasHistory);
    }

    private static CascadeModel Create(IReadOnlyList<SnapshotHistoryPoint> history) =>
        CascadeModel.Create(Start, Start.AddHours(4), 300, history, Current);

    private static List<SnapshotHistoryPoint> Steps(int count, Func<int, Dictionary<string, double>> scores) =>
        Enumerable.Range(0, count)
            .Select(step => new SnapshotHistoryPoint(step + 1, Start.AddMinutes(5 * step), 0, 0, 0, new Dictionary<string, int>(), scores(step)))
            .ToList();
}
