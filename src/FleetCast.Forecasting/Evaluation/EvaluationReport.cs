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
public sealed record IncidentScore(int Total, int FlaggedAhead, double? MedianLeadMinutes, double FalseAlertsPerServerDay, int InjectedTotal, int InjectedFlaggedAhead);
