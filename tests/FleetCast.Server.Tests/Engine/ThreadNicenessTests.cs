using FleetCast.Server.Engine;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Engine;

public sealed class ThreadNicenessTests
{
    [Fact]
    public void TryLowerCurrentThread_OnLinux_LowersOnlyTheCallingThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.NotNull(ThreadNiceness.TryLowerCurrentThread(7));
            return;
        }

        var creator = ThreadNice.Current();
        (string? Problem, int Nice) lowered = default;
        var sibling = -1;

        var thread = new Thread(() => lowered = (ThreadNiceness.TryLowerCurrentThread(Math.Max(creator, 7)), ThreadNice.Current()));
        thread.Start();
        thread.Join();
        var other = new Thread(() => sibling = ThreadNice.Current());
        other.Start();
        other.Join();

        Assert.Null(lowered.Problem);
        Assert.Equal(Math.Max(creator, 7), lowered.Nice);
        Assert.Equal(creator, sibling);
        Assert.Equal(creator, ThreadNice.Current());
    }

    [Fact]
    public void TryLowerCurrentThread_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ThreadNiceness.TryLowerCurrentThread(20));
        Assert.Throws<ArgumentOutOfRangeException>(() => ThreadNiceness.TryLowerCurrentThread(-1));
    }
}
