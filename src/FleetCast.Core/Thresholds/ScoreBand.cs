namespace FleetCast.Core.Thresholds;

/// <summary>Points awarded when a value reaches <see cref="Bound"/> (at least it for high-is-bad
/// metrics, at most it for low-is-bad ones). Bands are listed worst first; the first reached counts.</summary>
public sealed record ScoreBand(double Bound, double Points);
