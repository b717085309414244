using FleetCast.Core.Datasets;
using FleetCast.Core.Forecasts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Thresholds;

namespace FleetCast.Forecasting.Evaluation;

/// <summary>Bias toward recovery on persistent critical states: among forecasts made while a metric is at
/// or beyond its critical threshold and stays there for the next <see cref="Steps"/> steps, the share
/// whose p50 falls short of the threshold at any of those steps.</summary>
internal sealed class PersistentCriticalRecovery
{
    /// <summary>30 minutes at 5-minute steps.</summary>
    public const int Steps = 6;

    public int Cases { get; private set; }

    public int Recoveries { get; private set; }

    /// <summary>Null when there was no case.</summary>
    public double? Rate => Cases > 0 ? (double)Recoveries / Cases : null;

    /// <summary>Counts the case of <paramref name="metric"/> at <paramref name="origin"/>, if it is one.</summary>
    public void Add(ServerSeries actual, int origin, Metric metric, MetricThresholds thresholds, ServerForecast forecast)
    {
        if (thresholds.Critical is not { } critical || origin + Steps >= actual.Length || forecast.HorizonSteps < Steps)
        {
            return;
        }

        for (var t = origin; t <= origin + Steps; t++)
        {
            var v = actual[t, metric];
            if (!float.IsFinite(v) || !thresholds.Reaches(v, critical))
            {
                return;
            }
        }

        Cases++;
        var p50 = forecast.Series(forecast.QuantileIndex(0.5), metric);
        for (var h = 0; h < Steps; h++)
        {
            if (float.IsNaN(p50[h]) || !thresholds.Reaches(p50[h], critical))
            {
                Recoveries++;
                return;
            }
        }
    }
}
