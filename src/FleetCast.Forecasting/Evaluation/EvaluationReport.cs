using System.Text.Json.Serialization;
using FleetCast.Core.Datasets;

namespace FleetCast.Forecasting.Evaluation;

/// <summary>Result of <c>fleetcast evaluate</c>; serialises (camelCase) to the report.json shape of DESIGN.md §7.</summary>
/// <param name="Days">Length of the held-out data in days.</param>
public sealed record EvaluationReport(
    int? Seed,
    double Days,
    int Servers,
    int StepSeconds,
    int HorizonSteps,
    IReadOnlyList<ForecasterScore> Forecasters)
{
    /// <summary>Scenario episodes in the held-out data (for report.md only).</summary>
    [JsonIgnore]
    public IReadOnlyList<ScenarioEpisode> Episodes { get; init; } = [];

    [JsonIgnore]
    public int LookbackSteps { get; init; }

    /// <summary>Number of forecast origins scored.</summary>
    [JsonIgnore]
    public int Origins { get; init; }

    [JsonIgnore]
    public int OriginStride { get; init; }

    /// <summary>Name of the <see cref="AlertSetting"/> whose numbers fill each forecaster's <see cref="ForecasterScore.Incidents"/>;
    /// null in reports written before alert sweeps, "custom" for an alert function of the caller's.</summary>
    public string? OperatingPoint { get; init; }
}

/// <param name="PinballMean">Mean of the p10, p50 and p90 pinball losses, on normalised values.</param>
/// <param name="P50Mae">Mean absolute error of p50 per metric (wire name), in the metric's own units.</param>
/// <param name="Coverage80">Share of actual values inside [p10, p90].</param>
public sealed record ForecasterScore(
    string Name,
    double PinballMean,
    PinballLosses Pinball,
    IReadOnlyDictionary<string, double> P50Mae,
    double Coverage80,
    IncidentScore Incidents)
{
    /// <summary>The alert sweep: one point per <see cref="AlertSetting"/>; null when none was swept
    /// (and in reports written before alert sweeps, as every property below).</summary>
    public IReadOnlyList<AlertCurvePoint>? AlertCurve { get; init; }

    /// <summary>Per false-alert budget ("0.2"): the best injected recall on <see cref="AlertCurve"/> within it.</summary>
    public IReadOnlyDictionary<string, double>? RecallAtBudget { get; init; }

    /// <summary>Per budget, the setting that reached <see cref="RecallAtBudget"/>; null when none was within it.</summary>
    public IReadOnlyDictionary<string, string?>? RecallAtBudgetSetting { get; init; }

    /// <summary>See <see cref="Evaluation.PersistentCriticalRecovery"/>; null when there was no case.</summary>
    public double? PersistentCriticalRecoveryRate { get; init; }

    /// <summary>Number of cases behind <see cref="PersistentCriticalRecoveryRate"/>.</summary>
    public int? PersistentCriticalCases { get; init; }

    /// <summary>Forecasts made in a sustained critical state (see <see cref="SustainedCriticalOutlook"/>).</summary>
    public int? SustainedCriticalCases { get; init; }

    /// <summary>In those, the share of the next 30 minutes' steps whose p50 is still critical; null without a case.</summary>
    public double? SustainedCriticalForecastStay { get; init; }

    /// <summary>The share of the same steps that actually were; a forecaster without recovery bias matches it.</summary>
    public double? SustainedCriticalActualStay { get; init; }

    /// <summary>In those steps, the share whose actual value lies beyond p50 toward critical: 50 % for a median
    /// without bias, more for a forecast that expects recovery too soon.</summary>
    public double? SustainedCriticalBeyondMedian { get; init; }

    /// <summary>True for a trained model, false for a baseline (report.md labels it).</summary>
    [JsonIgnore]
    public bool IsModel { get; init; }
}

public sealed record PinballLosses(double P10, double P50, double P90);

/// <param name="Total">Critical crossings after a quiet run that some origin could have flagged.</param>
/// <param name="FlaggedAhead">Incidents with a critical predictive alert 1..horizon steps before them.</param>
/// <param name="MedianLeadMinutes">Median of the earliest flag's lead; null when nothing was flagged.</param>
/// <param name="FalseAlertsPerServerDay">Critical predictive alert episodes whose horizons held no crossing, per server-day evaluated.</param>
/// <param name="InjectedTotal">Of <paramref name="Total"/>, the incidents of a server affected by an injected scenario episode
/// (degrading, critical, cascade), crossing while that episode ran.</param>
/// <param name="InjectedFlaggedAhead">Of those, the ones flagged ahead.</param>
public sealed record IncidentScore(int Total, int FlaggedAhead, double? MedianLeadMinutes, double FalseAlertsPerServerDay, int InjectedTotal, int InjectedFlaggedAhead)
{
    /// <summary>Share (0–1) of injected incidents flagged ahead; 0 when there were none.</summary>
    [JsonIgnore]
    public double InjectedRecall => InjectedTotal > 0 ? (double)InjectedFlaggedAhead / InjectedTotal : 0;
}
