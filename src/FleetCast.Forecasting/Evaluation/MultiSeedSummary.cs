namespace FleetCast.Forecasting.Evaluation;

/// <summary>Builds a <see cref="MultiSeedReport"/> from one <see cref="EvaluationReport"/> per seed.</summary>
public static class MultiSeedSummary
{
    /// <summary>The budget of the model-to-baseline recall ratio.</summary>
    public const double RatioBudget = 0.2;

    public static MultiSeedReport Create(IReadOnlyList<EvaluationReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (reports.Count == 0)
        {
            throw new ArgumentException("reports must hold at least one report.", nameof(reports));
        }

        var names = reports[0].Forecasters.Select(f => f.Name).ToList();
        if (reports.Any(r => !r.Forecasters.Select(f => f.Name).SequenceEqual(names, StringComparer.Ordinal)))
        {
            throw new ArgumentException("Every report must score the same forecasters in the same order.", nameof(reports));
        }

        var first = reports[0];
        var forecasters = names.Select((name, i) => Spread(name, [.. reports.Select(r => r.Forecasters[i])])).ToList();
        return new MultiSeedReport(
            [.. reports.Select(r => r.Seed)], first.Days, first.Servers, first.StepSeconds, first.HorizonSteps, first.OperatingPoint, forecasters, Ratios(reports));
    }

    private static ForecasterSpread Spread(string name, IReadOnlyList<ForecasterScore> scores)
    {
        var budgets = scores[0].RecallAtBudget?.Keys ?? [];
        return new ForecasterSpread(
            name,
            SeedSpread.Of(scores.Select(s => s.PinballMean)),
            SeedSpread.Of(scores.Select(s => s.Coverage80)),
            SeedSpread.Of(scores.Select(s => s.Incidents.FalseAlertsPerServerDay)),
            SeedSpread.Of(scores.Select(s => s.Incidents.InjectedRecall)),
            budgets.ToDictionary(b => b, b => SeedSpread.Of(scores.Select(s => s.RecallAtBudget?.GetValueOrDefault(b) ?? 0)), StringComparer.Ordinal),
            SeedSpread.OfPresent(scores.Select(s => s.Incidents.MedianLeadMinutes)),
            SeedSpread.OfPresent(scores.Select(s => s.PersistentCriticalRecoveryRate)))
        {
            SustainedCriticalForecastStay = SeedSpread.OfPresent(scores.Select(s => s.SustainedCriticalForecastStay)),
            SustainedCriticalActualStay = SeedSpread.OfPresent(scores.Select(s => s.SustainedCriticalActualStay)),
            SustainedCriticalBeyondMedian = SeedSpread.OfPresent(scores.Select(s => s.SustainedCriticalBeyondMedian)),
        };
    }

    private static ModelVsBaselines? Ratios(IReadOnlyList<EvaluationReport> reports)
    {
        var model = reports[0].Forecasters.FirstOrDefault(f => f.IsModel);
        if (model is null || reports[0].Forecasters.All(f => f.IsModel))
        {
            return null;
        }

        var key = RecallAtBudget.Key(RatioBudget);
        double Recall(ForecasterScore score) => score.RecallAtBudget?.GetValueOrDefault(key) ?? 0;
        var perSeed = reports.Select(r =>
        {
            var tft = r.Forecasters.Single(f => f.Name == model.Name);
            var baselines = r.Forecasters.Where(f => !f.IsModel).ToList();
            var lowestPinball = baselines.MinBy(f => f.PinballMean)!;
            var highestRecall = baselines.MaxBy(Recall)!;
            var anyRecall = Recall(highestRecall) > 0;
            return new SeedRatio(
                r.Seed,
                tft.PinballMean / lowestPinball.PinballMean,
                lowestPinball.Name,
                anyRecall ? Recall(tft) / Recall(highestRecall) : null,
                anyRecall ? highestRecall.Name : null);
        }).ToList();
        return new ModelVsBaselines(model.Name, key, perSeed, SeedSpread.Of(perSeed.Select(p => p.PinballRatio)), SeedSpread.OfPresent(perSeed.Select(p => p.RecallAtBudgetRatio)));
    }
}
