using FleetCast.Core.Forecasts;
using FleetCast.Core.Profiles;
using FleetCast.Core.Thresholds;

namespace FleetCast.Core.Alerts;

/// <summary>Finds threshold crossings: a value already over a threshold now (minutesAhead 0), else the
/// first step at which p50 (likely) or p90 (possible) crosses and stays over for PersistSteps.</summary>
public static class PredictiveAlertRule
{
    /// <param name="ready">False during warm-up: only values already over a threshold alert, no predictions.</param>
    public static IReadOnlyList<AlertCandidate> Evaluate(string server, ServerProfile profile, ReadOnlySpan<double> current, ServerForecast? forecast, bool ready, ThresholdTable table, AlertRuleOptions options) =>
        throw new NotImplementedException("core-logic helper implements this");
}
