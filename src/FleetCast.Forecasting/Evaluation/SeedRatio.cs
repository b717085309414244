namespace FleetCast.Forecasting.Evaluation;

/// <summary>The model against the best baseline on one seed.</summary>
/// <param name="PinballRatio">Model pinball mean / the lowest baseline pinball mean (<paramref name="PinballBaseline"/>).</param>
/// <param name="RecallAtBudgetRatio">Model recall at the ratio budget / the highest baseline recall at it
/// (<paramref name="RecallBaseline"/>); both null when every baseline's is 0.</param>
public sealed record SeedRatio(int? Seed, double PinballRatio, string PinballBaseline, double? RecallAtBudgetRatio, string? RecallBaseline);
