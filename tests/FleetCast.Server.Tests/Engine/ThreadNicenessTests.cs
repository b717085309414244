using FleetCast.Server.Engine;

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

        var creator = ThreadNiceness.CurrentThread();
        (string? Problem, int Nice) lowered = default;
        var sibling = -1;

        var thread = new Thread(() => lowered = (ThreadNiceness.TryLowerCurrentThread(Math.Max(creator, 7)), ThreadNiceness.CurrentThread()));
        thread.Start();
        thread.Join();
        var other = new Thread(() => sibling = ThreadNiceness.CurrentThread());
        other.Start();
        other.Join();

        Assert.Null(lowered.Problem);
        Assert.Equal(Math.Max(creator, 7), lowered.Nice);
        Assert.Equal(creator, sibling);
        Assert.Equal(creator, ThreadNiceness.CurrentThread());
    }

    [Fact]
    public void TryLowerCurrentThread_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ThreadNiceness.TryLowerCurrentThread(20));
        Assert.Throws<ArgumentOutOfRangeException>(() => ThreadNiceness.TryLowerCurrentThread(-1));
    }
}
