using FleetCast.Core.Levels;

namespace FleetCast.Core.Scoring;

/// <summary>A server's risk: the 0–100 score, its level and the factors that explain it.</summary>
/// <param name="CurrentPoints">Points from current values, capped at 100, before weighting.</param>
/// <param name="PredictedPoints">Points from the pessimistic near-horizon forecast, capped at 100, before weighting.</param>
public sealed record RiskAssessment(double Score, RiskLevel Level, double CurrentPoints, double PredictedPoints, IReadOnlyList<RiskFactor> Factors);
