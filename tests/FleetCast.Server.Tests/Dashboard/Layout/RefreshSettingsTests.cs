using FleetCast.Dashboard.Layout;


namespace FleetCast.Server.Tests.Dashboard.Layout;

public sealed class RefreshSettingsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fast:30")]
    [InlineData("interval:7")]
    [InlineData("interval")]
    [InlineData("42:30")]
    public void Parse_Unreadable_GivesDefault(string? stored) =>
        Assert.Equal(RefreshSettings.Default, RefreshSettings.Parse(stored));

    [Fact]
    public void Parse_Serialized_RoundTrips()
    {
        var settings = new RefreshSettings(RefreshMode.Interval, 60);

        Assert.Equal("interval:60", settings.Serialize());
        Assert.Equal(settings, RefreshSettings.Parse(settings.Serialize()));
    }

    [Fact]
    public void ShouldShow_Interval_OnlyOnceTheIntervalHasPassed()
    {
        var settings = new RefreshSettings(RefreshMode.Interval, 30);
        var shown = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.False(settings.ShouldShow(shown, shown.AddSeconds(29)));
        Assert.True(settings.ShouldShow(shown, shown.AddSeconds(30)));
        Assert.True(settings.ShouldShow(null, shown));
    }

    [Fact]
    public void ShouldShow_LiveAndPaused_AlwaysAndNever()
    {
        var now = DateTimeOffset.UnixEpoch;

        Assert.True(new RefreshSettings(RefreshMode.Live, 30).ShouldShow(now, now));
        Assert.False(new RefreshSettings(RefreshMode.Paused, 30).ShouldShow(null, now));
    }
}
