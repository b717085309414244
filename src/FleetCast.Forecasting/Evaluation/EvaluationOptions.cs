using FleetCast.Core.Alerts;
using FleetCast.Core.Thresholds;

namespace FleetCast.Forecasting.Evaluation;

/// <summary>How <see cref="ForecastEvaluator"/> cuts and scores the held-out data.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Steps of history each forecaster gets at every origin.</summary>
    public required int LookbackSteps { get; init; }

    public int HorizonSteps { get; init; } = 96;

    /// <summary>Forecast origins are this many steps apart.</summary>
    public int OriginStride { get; init; } = 12;

    /// <summary>An incident is a critical crossing after at least this many steps below the warning threshold.</summary>
    public int QuietSteps { get; init; } = 12;

    public ThresholdTable Thresholds { get; init; } = ThresholdTable.Default;

    /// <summary>The operating point: the alert rule options whose results fill <see cref="ForecasterScore.Incidents"/>.</summary>
    public AlertRuleOptions AlertRule { get; init; } = AlertRuleOptions.Default;

    /// <summary>Settings of the live rule evaluated on the same forecasts for <see cref="ForecasterScore.AlertCurve"/>;
    /// empty for no sweep.</summary>
    public IReadOnlyList<AlertSetting> AlertSweep { get; init; } = [];

    /// <summary>The alert rule fed by each forecaster; null for the live <see cref="PredictiveAlertRule"/>.</summary>
    public AlertFunction? Alerts { get; init; }

    internal void Validate()
    {
        if (LookbackSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(LookbackSteps), LookbackSteps, "LookbackSteps must be at least 1.");
        }

        if (HorizonSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(HorizonSteps), HorizonSteps, "HorizonSteps must be at least 1.");
        }

        if (OriginStride < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(OriginStride), OriginStride, "OriginStride must be at least 1.");
        }

        if (QuietSteps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(QuietSteps), QuietSteps, "QuietSteps must not be negative.");
        }

        ArgumentNullException.ThrowIfNull(Thresholds, nameof(Thresholds));
        ArgumentNullException.ThrowIfNull(AlertRule, nameof(AlertRule));
        ArgumentNullException.ThrowIfNull(AlertSweep, nameof(AlertSweep));
        if (AlertSweep.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != AlertSweep.Count)
        {
            throw new ArgumentException("AlertSweep settings must have distinct names.", nameof(AlertSweep));
        }
    }
}
