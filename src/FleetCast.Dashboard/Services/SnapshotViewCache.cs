using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FleetCast.Server.Engine;

namespace FleetCast.Dashboard.Services;

/// <summary>View models and chart options computed once per snapshot and shared by every session that
/// shows the same thing (tab, selection): with hundreds of sessions a snapshot's Overview charts are built
/// and serialised once, not once per session. Entries live as long as their snapshot is referenced.</summary>
public sealed class SnapshotViewCache
{
    private readonly ConditionalWeakTable<PublishedSnapshot, ConcurrentDictionary<string, object>> _entries = new();

    /// <param name="key">What was built, including every selection it depends on (e.g. "heatmap:web:2").</param>
    /// <param name="build">Deterministic for a snapshot and key (it may run twice under a race).</param>
    public T GetOrAdd<T>(PublishedSnapshot snapshot, string key, Func<PublishedSnapshot, T> build)
        where T : notnull =>
        (T)EntriesOf(snapshot).GetOrAdd(key, static (_, state) => state.build(state.snapshot), (build, snapshot));

    /// <summary>For what is read from the stores rather than built from the snapshot (the Historical
    /// tab): one read per snapshot and key on the thread pool, shared by every session that asks while
    /// the snapshot is on screen. The engine stores a snapshot's history before publishing it, so a read
    /// for a snapshot stays true while that snapshot is the newest.</summary>
    public Task<T> GetOrRead<T>(PublishedSnapshot snapshot, string key, Func<Task<T>> read)
    {
        var entries = EntriesOf(snapshot);
        var shared = (Lazy<Task<T>>)entries.GetOrAdd(key, static (_, read) => new Lazy<Task<T>>(() => Task.Run(read)), read);
        var task = shared.Value;
        return task.IsCompletedSuccessfully ? task : ForgetIfFailed(task);

        // A failed read is not kept: every caller that shared it gets its error, and it is forgotten before any
        // of them sees the error, so the next call reads again (whether or not the read had failed yet).
        async Task<T> ForgetIfFailed(Task<T> pending)
        {
            try
            {
                return await pending.ConfigureAwait(false);
            }
            catch
            {
                entries.TryRemove(KeyValuePair.Create(key, (object)shared));
                throw;
            }
        }
    }

    private ConcurrentDictionary<string, object> EntriesOf(PublishedSnapshot snapshot) =>
        _entries.GetValue(snapshot, static _ => new ConcurrentDictionary<string, object>(StringComparer.Ordinal));
}
