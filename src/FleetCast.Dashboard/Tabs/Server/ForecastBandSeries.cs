using FleetCast.Core.Metrics;
using FleetCast.Core.Thresholds;
using FleetCast.Dashboard.Shared;
using FleetCast.Server.Engine;

namespace FleetCast.Dashboard.Tabs.Server;

/// <summary>One display metric of one server as a chart reads it: history, then the p10/p50/p90
/// forecast band, on one time axis labelled from the data's own timestamps (UTC), plus the
/// warning/critical thresholds of the server's profile. Arrays all have <see cref="Labels"/>' length;
/// null marks "no value at this point" (history ends where the forecast starts).</summary>
public sealed record ForecastBandSeries(
    DisplayMetricCatalog.Definition Metric,
    IReadOnlyList<string> Labels,
    IReadOnlyList<double?> History,
    IReadOnlyList<double?> P10,
    IReadOnlyList<double?> P50,
    IReadOnlyList<double?> P90,
    int OriginIndex,
    DateTimeOffset OriginTime,
    DateTimeOffset? HorizonEnd,
    DisplayThresholds Thresholds,
    bool Observed,
    bool HasForecast)
{
    /// <summary>At most one day of history at the default 5-minute step.</summary>
    public const int DefaultHistorySteps = 288;

    public static ForecastBandSeries From(ServerDetail detail, DisplayMetricCatalog.Definition metric, ThresholdTable table, int historySteps = DefaultHistorySteps)
    {
        var window = detail.Window;
        var forecast = detail.Forecast;
        var historyCount = Math.Min(window.Length, Math.Max(0, historySteps));
        var firstStep = window.Length - historyCount;
        var observed = window.Observed.Length > (int)metric.Source && window.Observed[(int)metric.Source];
        var horizon = forecast?.HorizonSteps ?? 0;
        var total = historyCount + horizon;

        var labels = new string[total];
        var history = new double?[total];
        var p10 = new double?[total];
        var p50 = new double?[total];
        var p90 = new double?[total];

        for (var i = 0; i < historyCount; i++)
        {
            var step = firstStep + i;
            labels[i] = DisplayFormat.AxisTime(window.TimeOf(step));
            history[i] = observed ? ToDisplay(metric, window[step, metric.Source]) : null;
        }

        var originTime = window.Length > 0 ? window.LastStepTime : forecast?.OriginTime ?? default;
        if (forecast is not null)
        {
            var low = forecast.Series(0.1, metric.Source);
            var mid = forecast.Series(0.5, metric.Source);
            var high = forecast.Series(0.9, metric.Source);
            for (var h = 0; h < horizon; h++)
            {
                var i = historyCount + h;
                labels[i] = DisplayFormat.AxisTime(forecast.OriginTime.AddSeconds((double)(h + 1) * forecast.StepSeconds));
                if (!observed)
                {
                    continue;
                }

                // Idle's low quantile is cpu's high one: the band keeps p10 ≤ p50 ≤ p90 on the display scale.
                var a = ToDisplay(metric, low[h]);
                var b = ToDisplay(metric, high[h]);
                p10[i] = Math.Min(a, b);
                p50[i] = ToDisplay(metric, mid[h]);
                p90[i] = Math.Max(a, b);
            }

            if (observed && historyCount > 0 && horizon > 0)
            {
                // Start the band at the last observed value so the lines join the history.
                var last = history[historyCount - 1];
                p10[historyCount - 1] = last;
                p50[historyCount - 1] = last;
                p90[historyCount - 1] = last;
            }
        }

        DateTimeOffset? horizonEnd = forecast is null ? null : forecast.OriginTime.AddSeconds((double)horizon * forecast.StepSeconds);
        return new ForecastBandSeries(
            metric,
            labels,
            history,
            p10,
            p50,
            p90,
            Math.Max(0, historyCount - 1),
            originTime,
            horizonEnd,
            DisplayThresholds.For(table, detail.Row.Profile, metric),
            observed,
            forecast is not null && horizon > 0);
    }

    internal static double ToDisplay(DisplayMetricCatalog.Definition metric, double value) =>
        metric.InvertFromIdle ? 100 - value : value;
}
