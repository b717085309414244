using FleetCast.Core.Snapshots;

namespace FleetCast.Dashboard.Shared;

/// <summary>Maps the summary's precomputed top lists (server names) to their rows.</summary>
internal static class Ranking
{
    public static IReadOnlyList<RiskBar> Top(FleetSnapshot snapshot, IReadOnlyList<string> names, int count) =>
        Rows(snapshot, names, count)
            .Select(r => new RiskBar(r.Name, r.Profile, r.RiskScore, LevelStyle.Of(r.Level), r.Stale))
            .ToArray();

    public static IReadOnlyList<ServerRow> Rows(FleetSnapshot snapshot, IReadOnlyList<string> names, int count)
    {
        var wanted = names.Take(count).ToArray();
        var byName = new Dictionary<string, ServerRow>(wanted.Length, StringComparer.Ordinal);
        foreach (var row in snapshot.Servers)
        {
            if (Array.IndexOf(wanted, row.Name) >= 0)
            {
                byName[row.Name] = row;
            }
        }

        return wanted.Where(byName.ContainsKey).Select(n => byName[n]).ToArray();
    }
}
