using FleetCast.Core.Profiles;
using FleetCast.Simulator.Fleet;

namespace FleetCast.Simulator.Tests.Fleet;

public sealed class FleetComposerTests
{
    [Fact]
    public void Allocate_DefaultFleet_FollowsReferenceShares()
    {
        var counts = FleetComposer.Allocate(90);

        Assert.Equal(28, counts[(int)ServerProfile.WebApi]);
        Assert.Equal(19, counts[(int)ServerProfile.MlCompute]);
        Assert.Equal(15, counts[(int)ServerProfile.Database]);
        Assert.Equal(9, counts[(int)ServerProfile.DataIngest]);
        Assert.Equal(8, counts[(int)ServerProfile.RiskAnalytics]);
        Assert.Equal(6, counts[(int)ServerProfile.Generic]);
        Assert.Equal(5, counts[(int)ServerProfile.ConductorMgmt]);
        Assert.Equal(90, counts.Sum());
    }

    [Fact]
    public void Allocate_LargeFleet_CapsGenericAtTenAndGivesRemainderToWebApi()
    {
        var counts = FleetComposer.Allocate(1000);

        Assert.Equal(10, counts[(int)ServerProfile.Generic]);
        Assert.Equal(1000, counts.Sum());
        Assert.True(counts[(int)ServerProfile.WebApi] >= 280);
    }

    [Fact]
    public void Allocate_SmallFleet_GivesEveryProfileAtLeastOne()
    {
        var counts = FleetComposer.Allocate(8);

        Assert.All(counts, c => Assert.True(c >= 1));
        Assert.Equal(8, counts.Sum());
    }

    [Fact]
    public void Compose_DefaultFleet_NamesResolveToTheirProfileWithDefaultRules()
    {
        var fleet = FleetComposer.Compose(90, 42);

        Assert.Equal(90, fleet.Select(s => s.Name).Distinct().Count());
        Assert.All(fleet, s => Assert.Equal(s.Profile, ProfileRules.Default.Resolve(s.Name)));
        Assert.Contains(fleet, s => s.Name == "ppml0001");
        Assert.Contains(fleet, s => s.Name == "ppdb001");
        Assert.Contains(fleet, s => s.Name == "ppweb028");
        Assert.Contains(fleet, s => s.Name == "ppcon01");
        Assert.Contains(fleet, s => s.Name == "ppetl009");
        Assert.Contains(fleet, s => s.Name == "pprisk008");
        Assert.Contains(fleet, s => s.Name == "ppgen006");
    }

    [Fact]
    public void Compose_DefaultFleet_MarksTenPercentAsProblemChildrenDeterministically()
    {
        var first = FleetComposer.Compose(90, 42);
        var again = FleetComposer.Compose(90, 42);
        var other = FleetComposer.Compose(90, 7);

        Assert.Equal(9, first.Count(s => s.IsProblemChild));
        Assert.Equal(first, again);
        Assert.NotEqual(first.Where(s => s.IsProblemChild).Select(s => s.Name), other.Where(s => s.IsProblemChild).Select(s => s.Name));
    }
}
