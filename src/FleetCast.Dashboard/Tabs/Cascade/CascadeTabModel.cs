using FleetCast.Core.Cascades;

namespace FleetCast.Dashboard.Tabs.Cascade;

/// <summary>The Cascade tab: the cascades the engine found and stored in [<see cref="From"/>, <see cref="To"/>],
/// active ones first, then the most recent ended ones (at most <see cref="MaxEnded"/>).</summary>
public sealed record CascadeTabModel(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<CascadeEvent> Active, IReadOnlyList<CascadeEvent> Ended)
{
    /// <summary>Data time looked back from the current snapshot.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(1);

    public const int MaxEnded = 20;

    /// <summary>Affected servers listed per cascade before "and N more".</summary>
    public const int MaxServersShown = 24;

    public static CascadeTabModel Create(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<CascadeEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var newestFirst = events.OrderByDescending(e => e.StartedAt).ThenByDescending(e => e.Id).ToArray();
        return new CascadeTabModel(from, to, newestFirst.Where(e => e.IsActive).ToArray(), newestFirst.Where(e => !e.IsActive).Take(MaxEnded).ToArray());
    }
}
