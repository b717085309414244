using FleetCast.Server.Engine;

namespace FleetCast.Server.Tests.Dashboard.Shared;

/// <summary>An <see cref="ISnapshotSource"/> the test publishes to by hand.</summary>
public sealed class FakeSnapshotSource : ISnapshotSource
{
    private readonly List<Action<PublishedSnapshot>> _subscribers = [];

    public PublishedSnapshot? Current { get; private set; }

    public int SubscriberCount
    {
        get
        {
            lock (_subscribers)
            {
                return _subscribers.Count;
            }
        }
    }

    public void Publish(PublishedSnapshot snapshot)
    {
        Current = snapshot;
        Action<PublishedSnapshot>[] subscribers;
        lock (_subscribers)
        {
            subscribers = _subscribers.ToArray();
        }

        foreach (var subscriber in subscribers)
        {
            subscriber(snapshot);
        }
    }

    public IDisposable Subscribe(Action<PublishedSnapshot> onPublished)
    {
        lock (_subscribers)
        {
            _subscribers.Add(onPublished);
        }

        return new Subscription(this, onPublished);
    }

    private sealed class Subscription(FakeSnapshotSource owner, Action<PublishedSnapshot> callback) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._subscribers)
            {
                owner._subscribers.Remove(callback);
            }
        }
    }
}
