using FleetCast.Core.Cascades;

namespace FleetCast.Server.Storage;

/// <summary>The engine's cascade events: written as they open, change and end; read by the API and the dashboard.</summary>
public interface ICascadeStore
{
    /// <summary>Inserts or replaces each event by id, in one transaction.</summary>
    void Save(IReadOnlyList<CascadeEvent> events);

    /// <summary>Cascades not yet ended (to carry on after a restart).</summary>
    IReadOnlyList<CascadeEvent> LoadActive();

    /// <summary>The largest stored id (0 when none).</summary>
    long MaxId();

    /// <summary>Cascades active at any time in [from, to] (data time), newest first; only active ones when
    /// <paramref name="active"/> is true, only ended ones when false.</summary>
    IReadOnlyList<CascadeEvent> Read(DateTimeOffset from, DateTimeOffset to, bool? active = null);

    /// <summary>Deletes cascades that ended before <paramref name="cutoff"/> (retention); active ones stay.</summary>
    /// <returns>The number of cascades deleted.</returns>
    int DeleteEndedBefore(DateTimeOffset cutoff);
}
