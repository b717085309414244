namespace FleetCast.Server.Storage;

/// <summary>One stored point of fleet history: level counts and per-server scores at a data time.</summary>
/// <param name="LevelCounts">Keyed by level wire name.</param>
/// <param name="ServerScores">Risk score per server name.</param>
public sealed record SnapshotHistoryPoint(
    long Version,
    DateTimeOffset DataTime,
    double AvgRisk,
    double MaxRisk,
    int ActiveAlerts,
    IReadOnlyDictionary<string, int> LevelCounts,
    IReadOnlyDictionary<string, double> ServerScores);
