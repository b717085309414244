using FleetCast.Forecasting.Evaluation;

namespace FleetCast.Forecasting.Tests.Evaluation;

public sealed class AlertLifecycleReplayTests
{
    private static bool[] Replay(string found, int fireAfter, int resolveAfter)
    {
        var input = found.Select(c => c == 'x').ToArray();
        var firing = new bool[input.Length];
        AlertLifecycleReplay.Replay(input, fireAfter, resolveAfter, firing);
        return firing;
    }

    private static string Show(bool[] firing) => new(firing.Select(f => f ? 'F' : '.').ToArray());

    [Fact]
    public void Replay_GapShorterThanResolveCount_KeepsOneAlertFiring()
    {
        Assert.Equal("FFFFFF..", Show(Replay("x.xx....", fireAfter: 1, resolveAfter: 3)));
    }

    [Fact]
    public void Replay_ResolveCountOfMisses_EndsTheAlertAndANewSightingStartsAnother()
    {
        Assert.Equal("FF..FF..", Show(Replay("x...x...", fireAfter: 1, resolveAfter: 2)));
    }

    [Fact]
    public void Replay_FireAfterTwo_NeedsConsecutiveSightings()
    {
        Assert.Equal("...FFFF...", Show(Replay("x.xxx.....", fireAfter: 2, resolveAfter: 3)));
    }
}
