using FleetCast.Server.Integrations.Sources;

namespace FleetCast.Server.Tests.Integrations.Sources;

public sealed class SourceBackoffTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(6, 160)]
    [InlineData(7, 300)]
    [InlineData(1000, 300)]
    public void Delay_DoublesPerFailureUpToTheCap(int failures, int expectedSeconds)
    {
        var delay = SourceBackoff.Delay(failures, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }
}
