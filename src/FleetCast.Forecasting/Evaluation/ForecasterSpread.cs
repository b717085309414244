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
    SeedSpread? PersistentCriticalRecoveryRate)
{
    /// <summary>See <see cref="ForecasterScore.SustainedCriticalForecastStay"/>; null when no seed had a case.</summary>
    public SeedSpread? SustainedCriticalForecastStay { get; init; }

    /// <summary>See <see cref="ForecasterScore.SustainedCriticalActualStay"/>.</summary>
    public SeedSpread? SustainedCriticalActualStay { get; init; }

    /// <summary>See <see cref="ForecasterScore.SustainedCriticalBeyondMedian"/>.</summary>
    public SeedSpread? SustainedCriticalBeyondMedian { get; init; }
}
