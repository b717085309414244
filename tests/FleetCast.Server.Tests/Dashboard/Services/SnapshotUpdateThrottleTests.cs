using FleetCast.Dashboard.Services;
using FleetCast.Server.Engine;
using FleetCast.Server.Tests.Dashboard.Shared;
using Microsoft.Extensions.Time.Testing;

namespace FleetCast.Server.Tests.Dashboard.Services;

public sealed class SnapshotUpdateThrottleTests
{
    private readonly FakeSnapshotSource _source = new();
    private readonly FakeTimeProvider _time = new();
    private readonly List<long> _received = [];

    private SnapshotUpdateThrottle Create() =>
        new(_source, _time, TimeSpan.FromMilliseconds(100), (s, _) =>
        {
            lock (_received)
            {
                _received.Add(s.Snapshot.Version);
            }

            return Task.CompletedTask;
        });

    [Fact]
    public void Publish_BurstWithinInterval_MergedIntoOneCallWithTheLatest()
    {
        using var throttle = Create();

        _source.Publish(TestSnapshots.Create(version: 1, withDetails: false));
        _source.Publish(TestSnapshots.Create(version: 2, withDetails: false));
        _source.Publish(TestSnapshots.Create(version: 3, withDetails: false));
        _source.Publish(TestSnapshots.Create(version: 4, withDetails: false));
        _time.Advance(TimeSpan.FromMilliseconds(99));
        var beforeInterval = _received.ToArray();
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal([1L], beforeInterval);
        Assert.Equal([1L, 4L], _received);
    }

    [Fact]
    public void Publish_MergedBurst_PassesTheLatestSnapshotsPublicationTime()
    {
        var publishedAt = new List<TimeSpan>();
        var started = _time.GetTimestamp();
        using var throttle = new SnapshotUpdateThrottle(_source, _time, TimeSpan.FromMilliseconds(100), (_, at) =>
        {
            publishedAt.Add(_time.GetElapsedTime(started, at));
            return Task.CompletedTask;
        });

        _source.Publish(TestSnapshots.Create(version: 1, withDetails: false));
        _time.Advance(TimeSpan.FromMilliseconds(20));
        _source.Publish(TestSnapshots.Create(version: 2, withDetails: false));
        _time.Advance(TimeSpan.FromMilliseconds(30));
        _source.Publish(TestSnapshots.Create(version: 3, withDetails: false));
        _time.Advance(TimeSpan.FromMilliseconds(50));

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMilliseconds(50)], publishedAt);
    }

    [Fact]
    public void Publish_AfterIntervalPassed_CallsBackAtOnce()
    {
        using var throttle = Create();
        _source.Publish(TestSnapshots.Create(version: 1, withDetails: false));
        _time.Advance(TimeSpan.FromSeconds(1));

        _source.Publish(TestSnapshots.Create(version: 2, withDetails: false));

        Assert.Equal([1L, 2L], _received);
    }

    [Fact]
    public void Dispose_PendingCall_IsDroppedAndSubscriptionRemoved()
    {
        var throttle = Create();
        _source.Publish(TestSnapshots.Create(version: 1, withDetails: false));
        _source.Publish(TestSnapshots.Create(version: 2, withDetails: false));

        throttle.Dispose();
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([1L], _received);
        Assert.Equal(0, _source.SubscriberCount);
    }
}
