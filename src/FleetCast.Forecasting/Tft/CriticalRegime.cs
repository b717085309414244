using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Thresholds;

namespace FleetCast.Forecasting.Tft;

/// <summary>Which metrics of a window end in the critical regime: the newest reported value of the look-back
/// is at or beyond the metric's critical threshold for the profile; and which of those are sustained: the newest
/// <see cref="SustainedSteps"/> reported values all are. The calibration keeps separate shifts for each regime
/// because the network, trained mostly on normal operation, forecasts such states to recover faster than they
/// do, and a state that has already lasted a while lasts longer still. Calibration and inference must use this
/// one definition.</summary>
public static class CriticalRegime
{
    /// <summary>15 minutes at 5-minute steps. A spontaneous critical issue of the simulator lasts 1.4 steps on
    /// average (it leaves with probability 0.7 per step), so three in a row mostly mean a state that persists.</summary>
    public const int SustainedSteps = 3;

    private const int Metrics = MetricCatalog.Count;

    /// <summary>Writes one regime per metric for the look-back rows [end − lookback, end) of row-major [steps, 14]
    /// <paramref name="values"/> (NaN = not reported, skipped; a metric not reported in the look-back is normal).</summary>
    public static void Classify(ServerProfile profile, ReadOnlySpan<float> values, int end, int lookback, Span<ForecastRegime> regimes)
    {
        var thresholds = ThresholdTable.Default.ForProfile(profile);
        for (var m = 0; m < Metrics; m++)
        {
            regimes[m] = ForecastRegime.Normal;
            if (thresholds[m].Critical is not { } critical)
            {
                continue;
            }

            var criticalRun = 0;
            for (var t = end - 1; t >= Math.Max(0, end - lookback) && criticalRun < SustainedSteps; t--)
            {
                var value = values[(t * Metrics) + m];
                if (!float.IsFinite(value))
                {
                    continue;
                }

                if (!thresholds[m].Reaches(value, critical))
                {
                    break;
                }

                criticalRun++;
            }

            regimes[m] = criticalRun >= SustainedSteps ? ForecastRegime.SustainedCritical
                : criticalRun > 0 ? ForecastRegime.Critical
                : ForecastRegime.Normal;
        }
    }
}
