using FleetCast.Core.Alerts;
using FleetCast.Forecasting.Evaluation;
using FleetCast.Forecasting.Live;

namespace FleetCast.Server.Engine;

/// <summary>Everything about forecast quality at one step, computed once by <see cref="ModelQualityTracker"/>:
/// the model, its shipped held-out evaluation, live accuracy of matured forecasts, and input drift.</summary>
/// <param name="DataTime">Data time of the last step scored; null before the first.</param>
/// <param name="Evaluation">The model directory's <c>evaluation/report.json</c>; null when there is none.</param>
/// <param name="EvaluationMessage">Why <see cref="Evaluation"/> is null, or where it came from.</param>
/// <param name="Shadow">The baselines scored live against the serving forecaster on the same points.</param>
public sealed record ModelQualityReport(
    DateTimeOffset? DataTime,
    ModelCard Model,
    EvaluationReport? Evaluation,
    string EvaluationMessage,
    LiveAccuracyReport Live,
    DriftStatus Drift,
    ShadowScoringStatus? Shadow = null)
{
    /// <summary>Live outcomes of predictive alerts per severity, with precision (came true / settled).</summary>
    public IReadOnlyList<AlertOutcomeCounts> AlertOutcomes { get; init; } = [];
}

/// <summary>Input drift, or why it is not measured.</summary>
/// <param name="Available">True when <see cref="Report"/> holds PSI values.</param>
/// <param name="MeasuredAt">Data time of the measurement.</param>
public sealed record DriftStatus(bool Available, string Message, DateTimeOffset? MeasuredAt, InputDriftReport? Report);
