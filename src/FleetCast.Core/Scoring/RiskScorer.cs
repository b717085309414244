using FleetCast.Core.Alerts;
using FleetCast.Core.Forecasts;
using FleetCast.Core.Levels;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Thresholds;

namespace FleetCast.Core.Scoring;

/// <summary>Risk score 0–100 = 0.7 × current points + 0.3 × predicted points (each capped at 100), lifted to
/// the lowest score of the level that its breaches and firing alerts require (<see cref="LevelFloor"/>).
/// Predicted uses the pessimistic quantile over the near horizon: p90 where high is bad, p10 of idle.</summary>
public static class RiskScorer
{
    public const string BasisNow = "now";
    public const string BasisPredicted = "predicted";

    /// <summary>Basis of the factor that lifts a score to the level a breach or a firing alert requires.</summary>
    public const string BasisFloor = "floor";

    /// <param name="current">Latest value per catalog metric; NaN = not observed (contributes nothing).</param>
    /// <param name="forecast">Null during warm-up without any forecast: predicted points are then 0.</param>
    /// <param name="alerts">The server's firing alerts (after this step's evaluation), whose levels the score
    /// must reach; null or empty for none.</param>
    /// <remarks>A metric that was never observed (NaN now) is not scored on its forecast either: a
    /// forecast of a series that was never seen is a forecast of fill values, not of the server.
    /// The score is rounded to 2 decimals (its level is taken from the rounded value, so the number
    /// shown and the level always agree) and the factor points are apportioned to sum to it exactly.</remarks>
    public static RiskAssessment Score(ServerProfile profile, ReadOnlySpan<double> current, ServerForecast? forecast, ThresholdTable table, ScoringOptions options,
        IReadOnlyCollection<ActiveAlert>? alerts = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ValidateOptions(options);
        MetricVector.EnsureComplete(current, nameof(current));

        var nearSteps = forecast is null ? 0 : Math.Min(options.NearHorizonSteps, forecast.HorizonSteps);
        var nearMinutes = forecast is null ? 0 : nearSteps * forecast.StepSeconds / 60.0;
        var contributions = new List<Contribution>();
        double currentRaw = 0;
        double predictedRaw = 0;

        foreach (var thresholds in table.ForProfile(profile))
        {
            var value = current[(int)thresholds.Metric];
            if (double.IsNaN(value))
            {
                continue;
            }

            var nowPoints = thresholds.CurrentPoints(value);
            if (nowPoints > 0)
            {
                currentRaw += nowPoints;
                contributions.Add(new(thresholds.Metric, BasisNow, nowPoints, MetricText.Now(thresholds.Metric, value)));
            }

            if (nearSteps > 0 && thresholds.PredictedBands.Count > 0)
            {
                var series = forecast!.Series(ForecastQuantiles.PessimisticIndex(forecast, thresholds), thresholds.Metric);
                var worst = ForecastQuantiles.Worst(series, nearSteps, thresholds.HighIsBad);
                var predictedPoints = thresholds.PredictedPoints(worst);
                if (predictedPoints > 0)
                {
                    predictedRaw += predictedPoints;
                    contributions.Add(new(thresholds.Metric, BasisPredicted, predictedPoints, MetricText.Predicted(thresholds.Metric, worst, nearMinutes)));
                }
            }
        }

        var currentCapped = Math.Min(100, currentRaw);
        var predictedCapped = Math.Min(100, predictedRaw);
        var unclamped = (options.CurrentWeight * currentCapped) + (options.PredictedWeight * predictedCapped);
        var score = Math.Round(Math.Clamp(unclamped, 0, 100), 2, MidpointRounding.AwayFromZero);

        // Each factor's share of the final score: its points × weight × (cap / raw sum) × (clamp / unclamped).
        var clampScale = unclamped > 0 ? Math.Clamp(unclamped, 0, 100) / unclamped : 0;
        var nowScale = currentRaw > 0 ? options.CurrentWeight * currentCapped / currentRaw * clampScale : 0;
        var predictedScale = predictedRaw > 0 ? options.PredictedWeight * predictedCapped / predictedRaw * clampScale : 0;
        var weighted = contributions
            .Select(c => c.Points * (c.Basis == BasisNow ? nowScale : predictedScale))
            .ToArray();
        var apportioned = ApportionHundredths(weighted, score);

        var factors = contributions
            .Select((c, i) => new RiskFactor(MetricCatalog.WireName(c.Metric), c.Text, apportioned[i], c.Basis))
            .Select((f, i) => (Factor: f, Order: i))
            .OrderByDescending(x => x.Factor.Points)
            .ThenBy(x => x.Order)
            .Select(x => x.Factor)
            .ToArray();

        if (Floor(profile, current, table, alerts) is { } floor && RiskLadder.Get(floor.Level).MinScore > score)
        {
            var lift = Math.Round(RiskLadder.Get(floor.Level).MinScore - score, 2, MidpointRounding.AwayFromZero);
            score = RiskLadder.Get(floor.Level).MinScore;
            factors = [.. factors.Prepend(new RiskFactor(MetricCatalog.WireName(floor.Metric), floor.Text, lift, BasisFloor)).OrderByDescending(f => f.Points)];
        }

        return new RiskAssessment(score, RiskLadder.FromScore(score), currentCapped, predictedCapped, factors);
    }

    /// <summary>The highest level required by a current breach or a firing alert, with the reason; null for none.
    /// Breaches come before alerts at the same level (they are facts, not forecasts).</summary>
    private static (RiskLevel Level, Metric Metric, string Text)? Floor(ServerProfile profile, ReadOnlySpan<double> current, ThresholdTable table, IReadOnlyCollection<ActiveAlert>? alerts)
    {
        (RiskLevel Level, Metric Metric, string Text)? best = null;
        foreach (var thresholds in table.ForProfile(profile))
        {
            var value = current[(int)thresholds.Metric];
            if (double.IsNaN(value))
            {
                continue;
            }

            var (severity, bound) = thresholds.Critical is { } critical && thresholds.Reaches(value, critical)
                ? (AlertSeverity.Critical, critical)
                : thresholds.Warning is { } warning && thresholds.Reaches(value, warning)
                    ? (AlertSeverity.Warning, warning)
                    : (default(AlertSeverity?), double.NaN);
            if (severity is { } reached && (best is null || LevelFloor.ForBreach(reached) > best.Value.Level))
            {
                best = (LevelFloor.ForBreach(reached), thresholds.Metric, MetricText.Breach(thresholds.Metric, value, reached, bound));
            }
        }

        // Every metric an incident lists counts, not only its headline: a warning found now beside a critical
        // predicted headline still requires warning.
        foreach (var finding in (alerts ?? []).SelectMany(a => a.Metrics))
        {
            var level = LevelFloor.ForAlert(finding.Severity, finding.Likelihood);
            if (best is null || level > best.Value.Level)
            {
                best = (level, finding.Metric, MetricText.Alert(finding));
            }
        }

        return best;
    }

    private static void ValidateOptions(ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.NearHorizonSteps < 1)
        {
            throw new ArgumentException($"options.NearHorizonSteps must be at least 1; got {options.NearHorizonSteps}.", nameof(options));
        }

        if (!(options.CurrentWeight >= 0) || !(options.PredictedWeight >= 0))
        {
            throw new ArgumentException(
                $"options.CurrentWeight and options.PredictedWeight must be non-negative numbers; got {options.CurrentWeight} and {options.PredictedWeight}.",
                nameof(options));
        }
    }

    /// <summary>Rounds shares to hundredths so that they add up to <paramref name="total"/> exactly
    /// (largest remainder first), instead of drifting by a rounding error per factor.</summary>
    private static double[] ApportionHundredths(double[] shares, double total)
    {
        var units = (long)Math.Round(total * 100, MidpointRounding.AwayFromZero);
        var floors = new long[shares.Length];
        for (var i = 0; i < shares.Length; i++)
        {
            floors[i] = (long)Math.Floor((shares[i] * 100) + 1e-6);
        }

        var remaining = units - floors.Sum();
        var byRemainder = Enumerable.Range(0, shares.Length)
            .OrderByDescending(i => (shares[i] * 100) - floors[i])
            .ThenBy(i => i)
            .ToArray();
        for (var k = 0; remaining > 0 && byRemainder.Length > 0; k = (k + 1) % byRemainder.Length, remaining--)
        {
            floors[byRemainder[k]]++;
        }

        return floors.Select(f => f / 100.0).ToArray();
    }

    private sealed record Contribution(Metric Metric, string Basis, double Points, string Text);
}
