using FleetCast.Core.Levels;
using FleetCast.Core.Profiles;
using FleetCast.Server.Storage;

namespace FleetCast.Dashboard.Tabs.Cascade;

/// <summary>The Cascade tab, derived only from stored fleet snapshots (per-server risk scores over time)
/// and the current snapshot's profiles: per profile, how many servers were at warning or worse at each
/// stored step, and groups of servers of one profile that entered warning or worse within
/// <see cref="GroupSteps"/> steps of each other. That is co-occurrence, not a proven dependency.</summary>
public sealed record CascadeModel(
    DateTimeOffset From,
    DateTimeOffset To,
    int Points,
    int StepSeconds,
    IReadOnlyList<CascadeProfileSeries> Series,
    IReadOnlyList<CascadeGroup> Groups)
{
    public const RiskLevel ElevatedLevel = RiskLevel.Warning;

    /// <summary>Stored steps looked at (4 h at the default 5-minute step).</summary>
    public const int LookbackSteps = 48;

    /// <summary>Entries at most this many steps apart (from the group's first) form one group.</summary>
    public const int GroupSteps = 3;

    public const int MinGroupSize = 2;
    public const int MaxGroups = 20;

    public bool HasHistory => Points >= 2;

    public static CascadeModel Create(DateTimeOffset from, DateTimeOffset to, int stepSeconds, IReadOnlyList<SnapshotHistoryPoint> history,
        IReadOnlyDictionary<string, (ServerProfile Profile, double Risk)> current)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepSeconds);
        var points = history.Where(p => p.DataTime >= from && p.DataTime <= to).OrderBy(p => p.DataTime).ToArray();
        return new CascadeModel(from, to, points.Length, stepSeconds, ElevatedSeries(points, current), FindGroups(points, current, stepSeconds));
    }

    public static bool IsElevated(double score) => RiskLadder.FromScore(score) >= ElevatedLevel;

    private static CascadeProfileSeries[] ElevatedSeries(SnapshotHistoryPoint[] points, IReadOnlyDictionary<string, (ServerProfile Profile, double Risk)> current) =>
        ProfileNames.All
            .Select(profile => new CascadeProfileSeries(profile, points.Select(p => (p.DataTime,
                p.ServerScores.Count(s => IsElevated(s.Value) && current.TryGetValue(s.Key, out var c) && c.Profile == profile))).ToArray()))
            .Where(s => s.Peak > 0)
            .ToArray();

    private static CascadeGroup[] FindGroups(SnapshotHistoryPoint[] points, IReadOnlyDictionary<string, (ServerProfile Profile, double Risk)> current, int stepSeconds)
    {
        // An entry is a stored step where a server is elevated and was not at the step before; a server
        // already elevated at the first stored step has no known entry time and is left out.
        var entries = new List<(string Server, ServerProfile Profile, DateTimeOffset Time)>();
        for (var i = 1; i < points.Length; i++)
        {
            foreach (var (server, score) in points[i].ServerScores)
            {
                if (IsElevated(score) && points[i - 1].ServerScores.TryGetValue(server, out var before) && !IsElevated(before)
                    && current.TryGetValue(server, out var now))
                {
                    entries.Add((server, now.Profile, points[i].DataTime));
                }
            }
        }

        var span = TimeSpan.FromSeconds((double)GroupSteps * stepSeconds);
        var groups = new List<CascadeGroup>();
        foreach (var byProfile in entries.GroupBy(e => e.Profile))
        {
            var cluster = new List<(string Server, ServerProfile Profile, DateTimeOffset Time)>();
            foreach (var entry in byProfile.OrderBy(e => e.Time).ThenBy(e => e.Server, StringComparer.Ordinal))
            {
                if (cluster.Count > 0 && entry.Time - cluster[0].Time > span)
                {
                    AddGroup(groups, cluster, current);
                    cluster = [];
                }

                cluster.Add(entry);
            }

            AddGroup(groups, cluster, current);
        }

        return groups.OrderByDescending(g => g.LastEntered).ThenByDescending(g => g.Members.Count).ThenBy(g => g.Profile).Take(MaxGroups).ToArray();
    }

    private static void AddGroup(List<CascadeGroup> groups, List<(string Server, ServerProfile Profile, DateTimeOffset Time)> cluster,
        IReadOnlyDictionary<string, (ServerProfile Profile, double Risk)> current)
    {
        // A server entering twice inside one group counts once, at its first entry.
        var members = cluster.GroupBy(e => e.Server, StringComparer.Ordinal)
            .Select(g => g.First())
            .Select(e => new CascadeMember(e.Server, e.Time, current[e.Server].Risk, RiskLadder.FromScore(current[e.Server].Risk)))
            .ToArray();
        if (members.Length >= MinGroupSize)
        {
            groups.Add(new CascadeGroup(cluster[0].Profile, members.Min(m => m.Entered), members.Max(m => m.Entered), members));
        }
    }
}
