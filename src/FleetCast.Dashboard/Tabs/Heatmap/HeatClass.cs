namespace FleetCast.Dashboard.Tabs.Heatmap;

/// <summary>Colour class of a heatmap metric cell, from the threshold table of the server's profile.</summary>
public enum HeatClass
{
    NoData = 0,
    Normal = 1,

    /// <summary>Scores points (a score band is reached) but is below the warning threshold.</summary>
    Elevated = 2,
    Warning = 3,
    Critical = 4,
}
