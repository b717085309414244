using FleetCast.Core.Alerts;
using FleetCast.Core.Forecasts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Scoring;
using FleetCast.Core.Thresholds;
using FleetCast.Core.Windows;

namespace FleetCast.Forecasting.Evaluation;

/// <summary>For many settings of the live rule at once, whether each would raise a critical predictive
/// alert (steps ahead ≥ 1) on one forecast: what <see cref="PredictiveAlertRule.Evaluate"/> decides for
/// the critical bound, with each quantile's first persistent crossing computed once per persistence
/// instead of once per setting (the sweep's settings share a few persistences).</summary>
internal sealed class CriticalAlertFlags
{
    private readonly AlertRuleOptions[] _rules;
    private readonly int[] _persistences;
    private readonly int[] _persistenceOfRule;
    private readonly int?[] _likely;
    private readonly int?[] _possible;

    public CriticalAlertFlags(IReadOnlyList<AlertRuleOptions> rules)
    {
        _rules = [.. rules];
        _persistences = [.. _rules.Select(r => r.PersistSteps).Distinct()];
        _persistenceOfRule = [.. _rules.Select(r => Array.IndexOf(_persistences, r.PersistSteps))];
        _likely = new int?[_persistences.Length];
        _possible = new int?[_persistences.Length];
    }

    public int Count => _rules.Length;

    /// <summary>Sets <c>flags[r][offset + metric]</c> for every rule r that raises a critical predictive
    /// alert for the metric (flags are only ever set, never cleared).</summary>
    public void Mark(ServerWindow window, ServerForecast forecast, ThresholdTable table, Span<bool[]> flags, int offset)
    {
        var current = window.Latest();
        var medianIndex = ForecastQuantiles.MedianIndex(forecast);
        foreach (var thresholds in table.ForProfile(window.Profile))
        {
            var value = current[(int)thresholds.Metric];
            if (thresholds.Critical is not { } critical || double.IsNaN(value) || thresholds.Reaches(value, critical))
            {
                continue;
            }

            var median = forecast.Series(medianIndex, thresholds.Metric);
            var pessimistic = forecast.Series(ForecastQuantiles.PessimisticIndex(forecast, thresholds), thresholds.Metric);
            for (var p = 0; p < _persistences.Length; p++)
            {
                _likely[p] = PredictiveAlertRule.FirstPersistentCrossing(median, thresholds, critical, _persistences[p]);
                _possible[p] = PredictiveAlertRule.FirstPersistentCrossing(pessimistic, thresholds, critical, _persistences[p]);
            }

            for (var r = 0; r < _rules.Length; r++)
            {
                var p = _persistenceOfRule[r];
                if (_likely[p] <= _rules[r].LikelyWithinSteps || _possible[p] <= _rules[r].PossibleWithinSteps)
                {
                    flags[r][offset + (int)thresholds.Metric] = true;
                }
            }
        }
    }
}
