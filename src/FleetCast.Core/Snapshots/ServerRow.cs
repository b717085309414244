using FleetCast.Core.Levels;
using FleetCast.Core.Profiles;
using FleetCast.Core.Scoring;

namespace FleetCast.Core.Snapshots;

/// <summary>One server's display-ready row in the fleet snapshot (no full forecast: that is per server on demand).</summary>
/// <param name="Ready">True once the server has a full look-back window.</param>
/// <param name="WarmupProgress">0–1 share of the look-back window filled.</param>
/// <param name="Stale">True when the server stopped reporting; it keeps its last score.</param>
/// <param name="Display">Keyed by display metric wire name: cpu, memory, iowait, swap, load, disk, net_in, net_out.</param>
public sealed record ServerRow(
    string Name,
    ServerProfile Profile,
    double RiskScore,
    RiskLevel Level,
    bool Ready,
    double WarmupProgress,
    bool Stale,
    DateTimeOffset LastSeen,
    string Forecaster,
    IReadOnlyList<RiskFactor> Factors,
    IReadOnlyDictionary<string, DisplayMetricValue> Display);
