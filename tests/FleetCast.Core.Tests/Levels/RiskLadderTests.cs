using FleetCast.Core.Levels;

namespace FleetCast.Core.Tests.Levels;

public sealed class RiskLadderTests
{
    [Theory]
    [InlineData(100, RiskLevel.ImminentFailure)]
    [InlineData(90, RiskLevel.ImminentFailure)]
    [InlineData(89.99, RiskLevel.Critical)]
    [InlineData(80, RiskLevel.Critical)]
    [InlineData(79.99, RiskLevel.Danger)]
    [InlineData(70, RiskLevel.Danger)]
    [InlineData(69.99, RiskLevel.Warning)]
    [InlineData(60, RiskLevel.Warning)]
    [InlineData(59.99, RiskLevel.Degrading)]
    [InlineData(50, RiskLevel.Degrading)]
    [InlineData(49.99, RiskLevel.Watch)]
    [InlineData(30, RiskLevel.Watch)]
    [InlineData(29.99, RiskLevel.Healthy)]
    [InlineData(0, RiskLevel.Healthy)]
    public void FromScore_AtAndBelowEachBoundary_ReturnsExpectedLevel(double score, RiskLevel expected)
    {
        Assert.Equal(expected, RiskLadder.FromScore(score));
    }

    [Theory]
    [InlineData(RiskLevel.ImminentFailure, "imminent-failure")]
    [InlineData(RiskLevel.Healthy, "healthy")]
    public void ToWire_Level_ReturnsWireName(RiskLevel level, string wire)
    {
        Assert.Equal(wire, RiskLadder.ToWire(level));
        Assert.True(RiskLadder.TryParse(wire, out var parsed));
        Assert.Equal(level, parsed);
    }
}
