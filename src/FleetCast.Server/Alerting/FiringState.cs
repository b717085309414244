using FleetCast.Server.Storage;

namespace FleetCast.Server.Alerting;

/// <summary>The firing alerts per route, as loaded inside one outbox transaction; remembers what the
/// planner changed so only that is written back.</summary>
public sealed class FiringState
{
    private readonly Dictionary<(string Route, string Key), FiringEntry> _entries = [];
    private readonly HashSet<(string Route, string Key)> _changed = [];
    private readonly HashSet<(string Route, string Key)> _removed = [];

    public FiringState(IEnumerable<FiringEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            _entries[(entry.Route, entry.Key)] = entry;
        }
    }

    /// <summary>Runs <paramref name="plan"/> on the state of the stored <paramref name="firing"/> rows and hands
    /// storage what it decided: its deliveries and the rows it set or removed (notices as JSON).</summary>
    public static OutboxPlan Plan(IReadOnlyList<FiringRow> firing, Func<FiringState, IReadOnlyList<OutboxMessage>> plan)
    {
        ArgumentNullException.ThrowIfNull(firing);
        ArgumentNullException.ThrowIfNull(plan);
        var state = new FiringState(firing.Select(r => new FiringEntry(r.Route, AlertNotificationJson.ReadNotice(r.Notice), r.FirstSentAt, r.LastSentAt)));
        var messages = plan(state);
        var changed = state.Changed
            .Select(e => new FiringRow(e.Route, e.Key, AlertNotificationJson.WriteNotice(e.Notice), e.FirstSentAt, e.LastSentAt))
            .ToArray();
        return new OutboxPlan(messages, changed, state.Removed);
    }

    /// <summary>Every entry, by route, server and key (so re-sends of one server go out together).</summary>
    public IReadOnlyList<FiringEntry> Entries => _entries.Values
        .OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Notice.Server, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal)
        .ToArray();

    public IReadOnlyList<FiringEntry> Changed => _changed.Select(k => _entries[k]).ToArray();

    public IReadOnlyList<(string Route, string Key)> Removed => [.. _removed];

    public FiringEntry? Find(string route, string key) => _entries.GetValueOrDefault((route, key));

    /// <summary>The entries of one server on one route, by key.</summary>
    public IReadOnlyList<FiringEntry> OfServer(string route, string server) => _entries.Values
        .Where(e => string.Equals(e.Route, route, StringComparison.Ordinal) && string.Equals(e.Notice.Server, server, StringComparison.Ordinal))
        .OrderBy(e => e.Key, StringComparer.Ordinal)
        .ToArray();

    public void Set(FiringEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var id = (entry.Route, entry.Key);
        _entries[id] = entry;
        _changed.Add(id);
        _removed.Remove(id);
    }

    public void Remove(string route, string key)
    {
        var id = (route, key);
        if (_entries.Remove(id))
        {
            _removed.Add(id);
        }

        _changed.Remove(id);
    }
}
