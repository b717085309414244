namespace FleetCast.Core.Thresholds;

/// <summary>How hot a metric's current value is against the threshold table of the server's profile (the
/// colour of a heatmap cell).</summary>
public enum HeatClass
{
    NoData = 0,
    Normal = 1,

    /// <summary>Scores points (a score band is reached) but is below the warning threshold.</summary>
    Elevated = 2,
    Warning = 3,
    Critical = 4,
}
