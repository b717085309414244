using FleetCast.Core.Profiles;

namespace FleetCast.Dashboard.Tabs.Cascade;

/// <summary>Servers of one profile at warning or worse, per stored fleet snapshot.</summary>
public sealed record CascadeProfileSeries(ServerProfile Profile, IReadOnlyList<(DateTimeOffset Time, int Count)> Points)
{
    public int Peak => Points.Count == 0 ? 0 : Points.Max(p => p.Count);
}
