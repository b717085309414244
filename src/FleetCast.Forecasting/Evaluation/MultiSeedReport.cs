namespace FleetCast.Forecasting.Evaluation;

/// <summary>Summary of <c>fleetcast evaluate --seeds</c>: each forecaster's mean and spread over the
/// seeds, whose own reports lie beside it (seed-N/report.json).</summary>
/// <param name="Days">Length of each seed's held-out data in days.</param>
/// <param name="ModelVsBestBaseline">Null when the reports hold no model or no baseline.</param>
public sealed record MultiSeedReport(
    IReadOnlyList<int?> Seeds,
    double Days,
    int Servers,
    int StepSeconds,
    int HorizonSteps,
    string? OperatingPoint,
    IReadOnlyList<ForecasterSpread> Forecasters,
    ModelVsBaselines? ModelVsBestBaseline);
