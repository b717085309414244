using FleetCast.Core.Cascades;

namespace FleetCast.Server.Engine;

/// <summary>The cascades the engine found: the active ones as of its last step, and the stored history.</summary>
public interface ICascadeSource
{
    /// <summary>Cascades active after the engine's last step (empty before its first).</summary>
    IReadOnlyList<CascadeEvent> Active { get; }

    /// <summary>Stored cascades active at any time in [from, to] (data time), newest first; filtered to active (true)
    /// or ended (false) ones when <paramref name="active"/> is given.</summary>
    IReadOnlyList<CascadeEvent> Read(DateTimeOffset from, DateTimeOffset to, bool? active = null);
}
