using FleetCast.Forecasting.Data;

namespace FleetCast.Forecasting.Tests.Data;

public sealed class TimeFeaturesTests
{
    [Fact]
    public void Compute_MondayMidnight_IsStartOfBothCircles()
    {
        var features = TimeFeatures.Compute(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal([0f, 1f, 0f, 1f], features.Select(f => MathF.Round(f, 5)).ToArray());
    }

    [Fact]
    public void Compute_SixInTheMorning_IsQuarterDay()
    {
        var features = TimeFeatures.Compute(new DateTimeOffset(2026, 1, 7, 6, 0, 0, TimeSpan.Zero));

        Assert.Equal(1f, features[0], 5);
        Assert.Equal(0f, features[1], 5);
    }

    [Fact]
    public void Compute_OtherOffset_UsesUtc()
    {
        var local = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.FromHours(2));
        var utc = local.ToUniversalTime();

        Assert.Equal(TimeFeatures.Compute(utc), TimeFeatures.Compute(local));
    }

    [Fact]
    public void Compute_SundayBeforeMidnight_IsNextToMonday()
    {
        var sunday = TimeFeatures.Compute(new DateTimeOffset(2026, 1, 11, 23, 55, 0, TimeSpan.Zero));
        var monday = TimeFeatures.Compute(new DateTimeOffset(2026, 1, 12, 0, 0, 0, TimeSpan.Zero));

        Assert.True(Math.Abs(sunday[2] - monday[2]) < 0.01 && Math.Abs(sunday[3] - monday[3]) < 0.01);
    }

    [Fact]
    public void ForSteps_ThreeSteps_MatchesComputePerStep()
    {
        var first = new DateTimeOffset(2026, 1, 5, 3, 0, 0, TimeSpan.Zero);

        var rows = TimeFeatures.ForSteps(first, 300, 3);

        Assert.Equal(TimeFeatures.Compute(first.AddMinutes(10)), rows[8..12]);
    }
}
