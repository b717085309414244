namespace FleetCast.Forecasting.Evaluation;

/// <summary>How one forecaster's alerts fare at one <see cref="AlertSetting"/>.</summary>
/// <param name="InjectedRecall">Share (0–1) of injected incidents flagged at least one step ahead; 0 when there were none.</param>
/// <param name="MedianLeadMinutes">Median lead of all flagged incidents; null when none was flagged.</param>
public sealed record AlertCurvePoint(string Setting, double FalseAlertsPerServerDay, double InjectedRecall, double? MedianLeadMinutes)
{
    public static AlertCurvePoint From(string setting, IncidentScore incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        return new AlertCurvePoint(setting, incidents.FalseAlertsPerServerDay, incidents.InjectedRecall, incidents.MedianLeadMinutes);
    }
}
