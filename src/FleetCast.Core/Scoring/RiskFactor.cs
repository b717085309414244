namespace FleetCast.Core.Scoring;

/// <summary>One reason for a risk score, e.g. "memory 97% now" worth 15 points.</summary>
/// <param name="Metric">Wire name of the metric.</param>
/// <param name="Basis">"now" for current values, "predicted" for the near-horizon forecast.</param>
/// <param name="Points">Weighted contribution to the final score (after the 0.7 / 0.3 weights).</param>
public sealed record RiskFactor(string Metric, string Text, double Points, string Basis);
