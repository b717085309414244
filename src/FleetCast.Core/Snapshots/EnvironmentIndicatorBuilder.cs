using FleetCast.Core.Forecasts;
using FleetCast.Core.Profiles;
using FleetCast.Core.Scoring;
using FleetCast.Core.Thresholds;

namespace FleetCast.Core.Snapshots;

/// <summary>Incident indicators for 30 min and 8 h from the forecasts, using the one threshold table.</summary>
/// <remarks>Per server and per alerting metric, the 30-minute window adds 0.25 when p50 reaches the
/// critical threshold or the pessimistic quantile (p90, p10 where low is bad) reaches it with a 5-point
/// margin beyond it, else 0.10 for the warning threshold by the same rule; the whole horizon (8 h at the
/// default step) adds 0.20 / 0.08. Each server's value is capped at 1 and the fleet value is the mean
/// over servers with a forecast. It is a heuristic, not a probability, and <see cref="Method"/> says so.</remarks>
public static class EnvironmentIndicatorBuilder
{
    public const double NearCriticalPoints = 0.25;
    public const double NearWarningPoints = 0.10;
    public const double FarCriticalPoints = 0.20;
    public const double FarWarningPoints = 0.08;

    /// <summary>How far beyond a threshold the pessimistic quantile must go to count on its own.</summary>
    public const double PessimisticMargin = 5.0;

    public const int NearWindowMinutes = 30;

    /// <summary>A server at or above this score (danger or worse) counts as high risk.</summary>
    public const double HighRiskScore = 70;

    /// <summary>A server at or above this score is at the critical level or worse.</summary>
    public const double CriticalScore = 80;

    public const string Healthy = "healthy";
    public const string Degraded = "degraded";
    public const string Critical = "critical";
    public const string Unknown = "unknown";

    public const string Method =
        "Additive heuristic over forecast threshold crossings: per server and metric, +0.25 (critical) or +0.10 (warning) " +
        "when the median forecast, or the pessimistic quantile 5 points beyond the threshold, reaches it within 30 minutes, " +
        "and +0.20 / +0.08 over the whole forecast horizon; capped at 1 per server and averaged over the fleet. " +
        "It ranks how much of the fleet is heading for thresholds; it is not a calibrated probability.";

    /// <summary>Indicators when every metric of every forecast was observed.</summary>
    public static EnvironmentIndicators Build(IReadOnlyList<(ServerProfile Profile, ServerForecast? Forecast, double RiskScore)> servers, ThresholdTable table)
    {
        ArgumentNullException.ThrowIfNull(servers);
        return Build(servers.Select(s => (s.Profile, s.Forecast, s.RiskScore, (IReadOnlyList<bool>?)null)).ToList(), table);
    }

    /// <summary>Indicators that skip, per server, the metrics its window never observed (their forecast
    /// continues a fill value, e.g. 0 for an idle gauge, and must not count). <c>Observed</c> is indexed by
    /// metric (<see cref="Metrics.MetricCatalog"/> order); null means all observed.</summary>
    public static EnvironmentIndicators Build(
        IReadOnlyList<(ServerProfile Profile, ServerForecast? Forecast, double RiskScore, IReadOnlyList<bool>? Observed)> servers, ThresholdTable table)
    {
        ArgumentNullException.ThrowIfNull(servers);
        ArgumentNullException.ThrowIfNull(table);

        double nearSum = 0, farSum = 0;
        int withForecast = 0, highRisk = 0, criticalOrWorse = 0;
        foreach (var (profile, forecast, riskScore, observed) in servers)
        {
            highRisk += riskScore >= HighRiskScore ? 1 : 0;
            criticalOrWorse += riskScore >= CriticalScore ? 1 : 0;
            if (forecast is null)
            {
                continue;
            }

            var (near, far) = ServerIndicators(profile, forecast, table, observed);
            nearSum += near;
            farSum += far;
            withForecast++;
        }

        var near30m = withForecast == 0 ? 0 : Math.Round(nearSum / withForecast, 3, MidpointRounding.AwayFromZero);
        var far8h = withForecast == 0 ? 0 : Math.Round(farSum / withForecast, 3, MidpointRounding.AwayFromZero);
        return new EnvironmentIndicators(near30m, far8h, highRisk, servers.Count,
            FleetHealth(servers.Count, highRisk, criticalOrWorse, near30m, far8h), Method);
    }

    /// <summary>The 30-minute and whole-horizon values of one server, each capped at 1.</summary>
    internal static (double Near, double Far) ServerIndicators(ServerProfile profile, ServerForecast forecast, ThresholdTable table,
        IReadOnlyList<bool>? observed = null)
    {
        var nearSteps = Math.Clamp(NearWindowMinutes * 60 / Math.Max(1, forecast.StepSeconds), 1, Math.Max(1, forecast.HorizonSteps));
        var medianIndex = ForecastQuantiles.MedianIndex(forecast);
        double near = 0, far = 0;
        foreach (var thresholds in table.ForProfile(profile))
        {
            if (thresholds.Warning is null && thresholds.Critical is null)
            {
                continue;
            }

            if (observed is not null && !observed[(int)thresholds.Metric])
            {
                continue;
            }

            var median = forecast.Series(medianIndex, thresholds.Metric);
            var pessimistic = forecast.Series(ForecastQuantiles.PessimisticIndex(forecast, thresholds), thresholds.Metric);
            var nearMedian = ForecastQuantiles.Worst(median, nearSteps, thresholds.HighIsBad);
            var nearPessimistic = ForecastQuantiles.Worst(pessimistic, nearSteps, thresholds.HighIsBad);
            var farMedian = ForecastQuantiles.Worst(median, forecast.HorizonSteps, thresholds.HighIsBad);
            var farPessimistic = ForecastQuantiles.Worst(pessimistic, forecast.HorizonSteps, thresholds.HighIsBad);

            near += Points(thresholds, nearMedian, nearPessimistic, NearCriticalPoints, NearWarningPoints);
            far += Points(thresholds, farMedian, farPessimistic, FarCriticalPoints, FarWarningPoints);
        }

        return (Math.Min(1, near), Math.Min(1, far));
    }

    private static double Points(MetricThresholds thresholds, double median, double pessimistic, double criticalPoints, double warningPoints)
    {
        if (thresholds.Critical is { } critical && Crosses(thresholds, median, pessimistic, critical))
        {
            return criticalPoints;
        }

        return thresholds.Warning is { } warning && Crosses(thresholds, median, pessimistic, warning) ? warningPoints : 0;
    }

    private static bool Crosses(MetricThresholds thresholds, double median, double pessimistic, double bound)
    {
        var beyond = thresholds.HighIsBad ? bound + PessimisticMargin : bound - PessimisticMargin;
        return (!double.IsNaN(median) && thresholds.Reaches(median, bound))
            || (!double.IsNaN(pessimistic) && thresholds.Reaches(pessimistic, beyond));
    }

    /// <summary>"critical" when at least a tenth of the fleet is critical or worse, or the 30-minute
    /// indicator is at least 0.5; "degraded" when any server is high risk, the 30-minute indicator is
    /// at least 0.2 or the 8-hour one at least 0.3; else "healthy". An empty fleet is "unknown".</summary>
    private static string FleetHealth(int total, int highRisk, int criticalOrWorse, double near30m, double far8h)
    {
        if (total == 0)
        {
            return Unknown;
        }

        if ((criticalOrWorse > 0 && criticalOrWorse * 10 >= total) || near30m >= 0.5)
        {
            return Critical;
        }

        return highRisk > 0 || near30m >= 0.2 || far8h >= 0.3 ? Degraded : Healthy;
    }
}
