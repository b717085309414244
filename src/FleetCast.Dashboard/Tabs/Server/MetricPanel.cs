using FleetCast.Core.Scoring;

namespace FleetCast.Dashboard.Tabs.Server;

/// <summary>One display metric on the Server tab: the row's current/predicted values and the band chart data.</summary>
public sealed record MetricPanel(ForecastBandSeries Band, DisplayMetricValue? Value)
{
    public string ChartName => "forecast-" + Band.Metric.WireName;
}
