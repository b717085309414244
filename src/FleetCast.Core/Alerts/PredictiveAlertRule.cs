using FleetCast.Core.Forecasts;
using FleetCast.Core.Profiles;
using FleetCast.Core.Scoring;
using FleetCast.Core.Thresholds;

namespace FleetCast.Core.Alerts;

/// <summary>Finds threshold crossings: a value already over a threshold now (minutesAhead 0), else the
/// first step at which p50 (likely, anywhere in the horizon) or p90 (possible, within PossibleWithinSteps)
/// crosses and stays over for PersistSteps.</summary>
public static class PredictiveAlertRule
{
    /// <param name="current">Latest value per catalog metric; NaN = never observed, which never alerts
    /// (neither now nor on its forecast, which would be a forecast of fill values).</param>
    /// <param name="ready">False during warm-up: a server still filling its look-back raises no alert at all
    /// (its level still shows current breaches; see <see cref="Scoring.RiskScorer"/>).</param>
    /// <returns>At most one candidate per metric, the most severe one found (critical before warning; within a
    /// severity, now before likely before possible), ordered by metric.</returns>
    public static IReadOnlyList<AlertCandidate> Evaluate(string server, ServerProfile profile, ReadOnlySpan<double> current, ServerForecast? forecast, bool ready, ThresholdTable table, AlertRuleOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(server);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        MetricVector.EnsureComplete(current, nameof(current));
        if (options.PersistSteps < 1)
        {
            throw new ArgumentException($"options.PersistSteps must be at least 1; got {options.PersistSteps}.", nameof(options));
        }

        var candidates = new List<AlertCandidate>();
        if (!ready)
        {
            return candidates;
        }

        var predict = forecast is not null && forecast.HorizonSteps > 0;

        foreach (var thresholds in table.ForProfile(profile))
        {
            var value = current[(int)thresholds.Metric];
            if (double.IsNaN(value))
            {
                continue;
            }

            foreach (var (severity, bound) in Bounds(thresholds))
            {
                if (Find(server, thresholds, severity, bound, value, predict ? forecast : null, options) is { } candidate)
                {
                    candidates.Add(candidate);
                    break;
                }
            }
        }

        return candidates;
    }

    private static AlertCandidate? Find(string server, MetricThresholds thresholds, AlertSeverity severity, double bound, double value, ServerForecast? forecast, AlertRuleOptions options)
    {
        if (thresholds.Reaches(value, bound))
        {
            return new AlertCandidate(server, thresholds.Metric, severity, AlertLikelihood.Now, bound, value, 0, 0);
        }

        if (forecast is null)
        {
            return null;
        }

        var median = forecast.Series(ForecastQuantiles.MedianIndex(forecast), thresholds.Metric);
        if (FirstPersistentCrossing(median, thresholds, bound, options.PersistSteps) is { } likely && likely <= options.LikelyWithinSteps)
        {
            return Predicted(server, thresholds, severity, AlertLikelihood.Likely, bound, median, likely, forecast.StepSeconds);
        }

        var pessimistic = forecast.Series(ForecastQuantiles.PessimisticIndex(forecast, thresholds), thresholds.Metric);
        return FirstPersistentCrossing(pessimistic, thresholds, bound, options.PersistSteps) is { } possible && possible <= options.PossibleWithinSteps
            ? Predicted(server, thresholds, severity, AlertLikelihood.Possible, bound, pessimistic, possible, forecast.StepSeconds)
            : null;
    }

    /// <summary>The 1-based step at which <paramref name="series"/> first reaches <paramref name="bound"/>
    /// and keeps reaching it for <paramref name="persistSteps"/> steps, or until the horizon ends.</summary>
    public static int? FirstPersistentCrossing(ReadOnlySpan<float> series, MetricThresholds thresholds, double bound, int persistSteps)
    {
        var run = 0;
        for (var i = 0; i < series.Length; i++)
        {
            run = !float.IsNaN(series[i]) && thresholds.Reaches(series[i], bound) ? run + 1 : 0;
            if (run == persistSteps || (run > 0 && i == series.Length - 1))
            {
                return i - run + 2;
            }
        }

        return null;
    }

    /// <summary>Most severe first: the first bound that finds a candidate is the metric's one alert.</summary>
    private static IEnumerable<(AlertSeverity Severity, double Bound)> Bounds(MetricThresholds thresholds)
    {
        if (thresholds.Critical is { } critical)
        {
            yield return (AlertSeverity.Critical, critical);
        }

        if (thresholds.Warning is { } warning)
        {
            yield return (AlertSeverity.Warning, warning);
        }
    }

    private static AlertCandidate Predicted(string server, MetricThresholds thresholds, AlertSeverity severity, AlertLikelihood likelihood, double bound, ReadOnlySpan<float> series, int step, int stepSeconds) =>
        new(server, thresholds.Metric, severity, likelihood, bound, series[step - 1], step, step * stepSeconds / 60.0);
}
