using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Scoring;
using FleetCast.Core.Snapshots;
using FleetCast.Core.Thresholds;
using FleetCast.Dashboard.Shared;
using FleetCast.Server.Engine;

namespace FleetCast.Dashboard.Tabs.Server;

/// <summary>The Server tab's data for one server: its row, factors, alerts and a band chart per display metric.</summary>
public sealed record ServerViewModel(
    ServerRow Row,
    string ProfileName,
    LevelStyle Level,
    IReadOnlyList<RiskFactor> Factors,
    IReadOnlyList<MetricPanel> Metrics,
    IReadOnlyList<AlertView> Alerts,
    string Forecaster,
    string HorizonText)
{
    public static ServerViewModel From(FleetSnapshot snapshot, ServerDetail detail, ThresholdTable table)
    {
        var row = detail.Row;
        var panels = DisplayMetricCatalog.All
            .Select(metric => new MetricPanel(
                ForecastBandSeries.From(detail, metric, table),
                row.Display.TryGetValue(metric.WireName, out var value) ? value : null))
            .ToArray();
        var alerts = AlertsQuery.Apply(
            snapshot.Alerts.Where(a => a.Server == row.Name).ToArray(), AlertFilter.None, AlertSort.Default).Rows;
        var forecaster = detail.Forecast?.Forecaster ?? row.Forecaster;
        var horizon = detail.Forecast is { } f
            ? $"{f.HorizonSteps} steps × {DisplayFormat.Duration(f.StepSeconds)} = {DisplayFormat.Duration(f.HorizonSteps * f.StepSeconds)} ahead, to {DisplayFormat.DataTime(f.OriginTime.AddSeconds((double)f.HorizonSteps * f.StepSeconds))} (data time)"
            : "No forecast yet: the server is warming up.";
        return new ServerViewModel(
            row,
            ProfileNames.ToWire(row.Profile),
            LevelStyle.Of(row.Level),
            row.Factors.OrderByDescending(factor => factor.Points).ToArray(),
            panels,
            alerts,
            forecaster,
            horizon);
    }
}
