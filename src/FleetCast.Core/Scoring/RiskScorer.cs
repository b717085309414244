using FleetCast.Core.Forecasts;
using FleetCast.Core.Profiles;
using FleetCast.Core.Thresholds;

namespace FleetCast.Core.Scoring;

/// <summary>Risk score 0–100 = 0.7 × current points + 0.3 × predicted points (each capped at 100).
/// Predicted uses the pessimistic quantile over the near horizon: p90 where high is bad, p10 of idle.</summary>
public static class RiskScorer
{
    /// <param name="current">Latest value per catalog metric; NaN = not observed (contributes nothing).</param>
    /// <param name="forecast">Null during warm-up without any forecast: predicted points are then 0.</param>
    public static RiskAssessment Score(ServerProfile profile, ReadOnlySpan<double> current, ServerForecast? forecast, ThresholdTable table, ScoringOptions options) =>
        throw new NotImplementedException("core-logic helper implements this");
}
