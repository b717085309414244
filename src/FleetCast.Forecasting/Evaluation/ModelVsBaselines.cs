namespace FleetCast.Forecasting.Evaluation;

/// <summary>The model's pinball and recall-at-budget ratios to the best baseline, per seed and over seeds.</summary>
/// <param name="Budget">The false-alert budget of the recall ratio ("0.2").</param>
public sealed record ModelVsBaselines(string Model, string Budget, IReadOnlyList<SeedRatio> PerSeed, SeedSpread PinballRatio, SeedSpread? RecallAtBudgetRatio);
