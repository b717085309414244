namespace FleetCast.Forecasting.Evaluation;

/// <summary>One forecaster's scores over several seeds. Incident numbers are at the operating point.</summary>
/// <param name="RecallAtBudget">Per false-alert budget ("0.2"), as in <see cref="ForecasterScore.RecallAtBudget"/>.</param>
public sealed record ForecasterSpread(
    string Name,
    SeedSpread PinballMean,
    SeedSpread Coverage80,
    SeedSpread FalseAlertsPerServerDay,
    SeedSpread InjectedRecall,
    IReadOnlyDictionary<string, SeedSpread> RecallAtBudget,
    SeedSpread? MedianLeadMinutes,
    SeedSpread? PersistentCriticalRecoveryRate);
