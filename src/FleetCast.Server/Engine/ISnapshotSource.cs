namespace FleetCast.Server.Engine;

/// <summary>Readers' view of the engine: the current published snapshot and change notifications.
/// Reading never triggers computation.</summary>
public interface ISnapshotSource
{
    PublishedSnapshot? Current { get; }

    /// <summary>Called after each publish (on the engine's thread: do not block). Dispose to unsubscribe.</summary>
    IDisposable Subscribe(Action<PublishedSnapshot> onPublished);
}
