namespace FleetCast.Server.Retraining;

/// <summary>One forecaster's accuracy on the recent held-out data, as <see cref="HeldOutScorer"/> computes it.</summary>
/// <param name="PinballMean">Mean of the p10/p50/p90 pinball losses on look-back-normalised values (lower is better).</param>
/// <param name="Coverage80">Share of actual values inside [p10, p90] (0.8 is calibrated).</param>
/// <param name="From">First forecast origin's data time.</param>
/// <param name="To">Last held-out step's data time.</param>
public sealed record HeldOutScore(string Forecaster, double PinballMean, double Coverage80, int Origins, int Servers, DateTimeOffset From, DateTimeOffset To);
