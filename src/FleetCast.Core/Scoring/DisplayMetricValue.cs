namespace FleetCast.Core.Scoring;

/// <summary>A display metric as people read it: now, predicted (near horizon p50), change and trend.</summary>
/// <param name="Trend">"increasing", "decreasing" or "stable".</param>
public sealed record DisplayMetricValue(double? Current, double? Predicted, double? Delta, string Unit, string Trend);
