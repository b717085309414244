namespace FleetCast.Core.Snapshots;

/// <summary>Fleet-wide counts and rankings. <see cref="LevelCounts"/> is keyed by level wire name and
/// lists every level (0 when none); <see cref="ProfileCounts"/> by profile wire name.</summary>
public sealed record FleetSummary(
    int TotalServers,
    int ReadyServers,
    int StaleServers,
    IReadOnlyDictionary<string, int> LevelCounts,
    IReadOnlyDictionary<string, int> ProfileCounts,
    double AvgRisk,
    double MaxRisk,
    IReadOnlyList<string> Top5,
    IReadOnlyList<string> Top10,
    IReadOnlyList<string> Top20,
    int Degrading,
    int Improving);
