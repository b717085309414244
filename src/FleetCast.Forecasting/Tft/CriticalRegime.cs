using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Thresholds;

namespace FleetCast.Forecasting.Tft;

/// <summary>Which metrics of a window end in the critical regime: the newest reported value of the look-back
/// is at or beyond the metric's critical threshold for the profile. The calibration keeps separate shifts for
/// that regime because the network, trained mostly on normal operation, forecasts such states to recover
/// faster than they do. Calibration and inference must use this one definition.</summary>
public static class CriticalRegime
{
    private const int Metrics = MetricCatalog.Count;

    /// <summary>Writes one flag per metric for the look-back rows [end − lookback, end) of row-major
    /// [steps, 14] <paramref name="values"/> (NaN = not reported; a metric not reported in the look-back is
    /// not critical).</summary>
    public static void Flags(ServerProfile profile, ReadOnlySpan<float> values, int end, int lookback, Span<bool> flags)
    {
        var thresholds = ThresholdTable.Default.ForProfile(profile);
        for (var m = 0; m < Metrics; m++)
        {
            flags[m] = false;
            if (thresholds[m].Critical is not { } critical)
            {
                continue;
            }

            for (var t = end - 1; t >= Math.Max(0, end - lookback); t--)
            {
                var value = values[(t * Metrics) + m];
                if (float.IsFinite(value))
                {
                    flags[m] = thresholds[m].Reaches(value, critical);
                    break;
                }
            }
        }
    }
}
