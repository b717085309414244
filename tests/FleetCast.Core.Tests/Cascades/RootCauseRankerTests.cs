using FleetCast.Core.Cascades;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;

namespace FleetCast.Core.Tests.Cascades;

public sealed class RootCauseRankerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);

    private static CascadeMember Member(string server, ServerProfile profile, int startStep, double recentScore = 5) =>
        new(server, profile, T0.AddMinutes(5 * startStep), 8, Metric.CpuIowaitPct, recentScore);

    [Fact]
    public void Rank_DatabaseWithDependentsAndEarliest_RanksFirstWithItsScore()
    {
        var members = new[]
        {
            Member("ppweb001", ServerProfile.WebApi, 0),
            Member("ppdb001", ServerProfile.Database, 0),
            Member("ppetl001", ServerProfile.DataIngest, 1),
            Member("ppweb002", ServerProfile.WebApi, 2),
        };

        var ranked = RootCauseRanker.Rank(members, 2);

        Assert.Equal(["ppdb001", "ppweb001"], ranked.Select(c => c.Server));
        // All three others depend on it, none began earlier and no database scores higher lately: 1.
        Assert.Equal(1.0, ranked[0].Score, 4);
        Assert.Equal(3, ranked[0].DependentServers);
        // No dependents, began first with ppdb001 and the highest web score: 0.1 + 0.4.
        Assert.Equal(0.5, ranked[1].Score, 4);
    }

    [Fact]
    public void Rank_DatabaseLaterThanItsDependents_StillOutranksThemThroughTheDependencies()
    {
        var members = new[]
        {
            Member("ppweb001", ServerProfile.WebApi, 0),
            Member("ppweb002", ServerProfile.WebApi, 0),
            Member("ppdb001", ServerProfile.Database, 3),
        };

        var ranked = RootCauseRanker.Rank(members, 3);

        Assert.Equal("ppdb001", ranked[0].Server);
        Assert.Equal(0.9, ranked[0].Score, 4);
    }

    [Fact]
    public void Rank_TwoDatabases_TheOneSteadilyInTroubleRanksFirst()
    {
        var members = new[]
        {
            Member("ppdb002", ServerProfile.Database, 0, recentScore: 1.5),
            Member("ppdb001", ServerProfile.Database, 1, recentScore: 4.5),
            Member("ppweb001", ServerProfile.WebApi, 1),
            Member("ppweb002", ServerProfile.WebApi, 1),
        };

        var ranked = RootCauseRanker.Rank(members, 3);

        Assert.Equal(["ppdb001", "ppdb002"], ranked.Take(2).Select(c => c.Server));
    }
}
