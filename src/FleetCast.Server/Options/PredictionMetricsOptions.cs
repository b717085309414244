namespace FleetCast.Server.Options;

/// <summary>Which predictions <c>/metrics</c> exposes ("PredictionMetrics" section).</summary>
public sealed class PredictionMetricsOptions
{
    /// <summary>The most servers exported, highest risk first (0 = no per-server series). Each exported
    /// server adds at most <c>PredictionMetrics.SeriesPerServer</c> series.</summary>
    public int MaxServers { get; set; } = 500;

    /// <summary>How far ahead the exported p50/p90 look (rounded to whole steps, at most the forecast horizon).</summary>
    public int HorizonMinutes { get; set; } = 30;
}
