using FleetCast.Core.Datasets;
using FleetCast.Core.Metrics;
using FleetCast.Core.Thresholds;

namespace FleetCast.Forecasting.Evaluation;

/// <summary>Finds incidents in actual data: a step at or beyond the critical threshold reached after at
/// least <c>quietSteps</c> consecutive reported steps short of the warning threshold (direction-aware).
/// The quiet run need not end right before the crossing: a ramp from quiet through the warning band
/// into critical is one incident. After an incident the metric must be quiet for <c>quietSteps</c>
/// again before its next crossing counts, so one bad period is counted once.</summary>
public static class IncidentFinder
{
    /// <summary>Steps of <paramref name="series"/> at which <paramref name="metric"/> crosses critically
    /// after a quiet run. Empty when the metric has no critical threshold for the profile.</summary>
    public static IReadOnlyList<int> CrossingSteps(ServerSeries series, Metric metric, MetricThresholds thresholds, int quietSteps)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (thresholds.Critical is not { } critical)
        {
            return [];
        }

        var warning = thresholds.Warning ?? critical;
        var crossings = new List<int>();
        var quietRun = 0;
        var armed = false;
        for (var t = 0; t < series.Length; t++)
        {
            var v = series[t, metric];
            if (!float.IsFinite(v))
            {
                // A gap is not a verified quiet step (an earlier verified quiet run still counts).
                quietRun = 0;
                continue;
            }

            if (thresholds.Reaches(v, critical))
            {
                if (armed)
                {
                    crossings.Add(t);
                    armed = false;
                }

                quietRun = 0;
                continue;
            }

            quietRun = thresholds.Reaches(v, warning) ? 0 : quietRun + 1;
            armed |= quietRun >= quietSteps;
        }

        return crossings;
    }

    /// <summary>True when any reported step in [first, endExclusive) reaches <paramref name="critical"/>.</summary>
    public static bool ReachesWithin(ServerSeries series, Metric metric, MetricThresholds thresholds, double critical, int first, int endExclusive)
    {
        var end = Math.Min(endExclusive, series.Length);
        for (var t = Math.Max(0, first); t < end; t++)
        {
            var v = series[t, metric];
            if (float.IsFinite(v) && thresholds.Reaches(v, critical))
            {
                return true;
            }
        }

        return false;
    }
}
