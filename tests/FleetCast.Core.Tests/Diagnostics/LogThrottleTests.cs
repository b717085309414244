using FleetCast.Core.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace FleetCast.Core.Tests.Diagnostics;

public sealed class LogThrottleTests
{
    [Fact]
    public void ShouldLog_ManyRejectionsWithinTheInterval_OneLineThenTheCountOfTheRest()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
        var throttle = new LogThrottle(time, TimeSpan.FromSeconds(10));

        var logged = Enumerable.Range(0, 100).Count(_ => throttle.ShouldLog("wrong API key", out long _));
        var otherReason = throttle.ShouldLog("no credentials", out var otherSuppressed);
        time.Advance(TimeSpan.FromSeconds(10));
        var next = throttle.ShouldLog("wrong API key", out var suppressed);

        Assert.Equal(1, logged);
        Assert.True(otherReason);
        Assert.Equal(0L, otherSuppressed);
        Assert.True(next);
        Assert.Equal(99L, suppressed);
    }
}
