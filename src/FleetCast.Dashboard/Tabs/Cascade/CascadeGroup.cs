using FleetCast.Core.Profiles;

namespace FleetCast.Dashboard.Tabs.Cascade;

/// <summary>Servers of one profile that entered warning or worse within a few steps of each other.
/// Co-occurrence only: it does not show that one caused another.</summary>
public sealed record CascadeGroup(ServerProfile Profile, DateTimeOffset FirstEntered, DateTimeOffset LastEntered, IReadOnlyList<CascadeMember> Members)
{
    public int StillElevated => Members.Count(m => m.CurrentLevel >= CascadeModel.ElevatedLevel);
}
