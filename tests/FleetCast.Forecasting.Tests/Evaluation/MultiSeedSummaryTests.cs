using FleetCast.Forecasting.Evaluation;

namespace FleetCast.Forecasting.Tests.Evaluation;

public sealed class MultiSeedSummaryTests
{
    private static ForecasterScore Score(string name, double pinball, double recallAt02, bool isModel = false, double? lead = 30, double? recovery = null) =>
        new(name, pinball, new PinballLosses(pinball, pinball, pinball), new Dictionary<string, double>(), 0.8, new IncidentScore(10, 5, lead, 0.5, 4, 2))
        {
            IsModel = isModel,
            RecallAtBudget = new Dictionary<string, double> { ["0.1"] = 0, ["0.2"] = recallAt02, ["0.5"] = 1 },
            PersistentCriticalRecoveryRate = recovery,
        };

    private static EvaluationReport Report(int seed, params ForecasterScore[] scores) => new(seed, 7, 30, 300, 96, scores) { OperatingPoint = "p50-persist3" };

    [Fact]
    public void Of_KnownValues_MeanMinMaxAndSampleStandardDeviation()
    {
        var spread = SeedSpread.Of([1.0, 2.0, 3.0, 4.0]);

        Assert.Equal((2.5, 1.0, 4.0, 4), (spread.Mean, spread.Min, spread.Max, spread.Seeds));
        Assert.Equal(Math.Sqrt(5.0 / 3.0), spread.Std, 12);
    }

    [Fact]
    public void Of_OneValue_HasNoSpread()
    {
        Assert.Equal(new SeedSpread(0.7, 0.7, 0.7, 0, 1), SeedSpread.Of([0.7]));
    }

    [Fact]
    public void OfPresent_SomeMissing_UsesThePresentOnesAndNullWhenNone()
    {
        Assert.Equal(new SeedSpread(3, 2, 4, Math.Sqrt(2), 2), SeedSpread.OfPresent([2.0, null, 4.0]));
        Assert.Null(SeedSpread.OfPresent([null, null]));
    }

    [Fact]
    public void Create_TwoSeeds_SpreadsEachForecastersNumbers()
    {
        var reports = new[]
        {
            Report(7, Score("tft", 0.3, 0.6, isModel: true, recovery: 0.2), Score("a", 0.4, 0.4)),
            Report(8, Score("tft", 0.2, 0.3, isModel: true, lead: null, recovery: 0.4), Score("a", 0.5, 0.0)),
        };

        var summary = MultiSeedSummary.Create(reports);

        Assert.Equal([7, 8], summary.Seeds);
        Assert.Equal("p50-persist3", summary.OperatingPoint);
        var tft = summary.Forecasters[0];
        Assert.Equal(("tft", 0.25, 0.2, 0.3), (tft.Name, tft.PinballMean.Mean, tft.PinballMean.Min, tft.PinballMean.Max));
        Assert.Equal(Math.Sqrt(0.005), tft.PinballMean.Std, 12);
        Assert.Equal(0.45, tft.RecallAtBudget["0.2"].Mean, 12);
        Assert.Equal(0.5, tft.InjectedRecall.Mean);
        Assert.Equal(new SeedSpread(30, 30, 30, 0, 1), tft.MedianLeadMinutes);
        Assert.Equal(0.3, tft.PersistentCriticalRecoveryRate!.Mean, 12);
        Assert.Null(summary.Forecasters[1].PersistentCriticalRecoveryRate);
    }

    [Fact]
    public void Create_ModelAndBaselines_RatiosToTheBestBaselineOfEachSeed()
    {
        // Seed 7: lowest pinball "a" (0.4), highest recall "b" (0.5). Seed 8: lowest pinball "b" (0.25),
        // every baseline's recall 0, so no recall ratio.
        var reports = new[]
        {
            Report(7, Score("tft", 0.3, 0.6, isModel: true), Score("a", 0.4, 0.4), Score("b", 0.6, 0.5)),
            Report(8, Score("tft", 0.2, 0.3, isModel: true), Score("a", 0.5, 0.0), Score("b", 0.25, 0.0)),
        };

        var ratios = MultiSeedSummary.Create(reports).ModelVsBestBaseline!;

        Assert.Equal(("tft", "0.2"), (ratios.Model, ratios.Budget));
        Assert.Equal(new SeedRatio(7, 0.3 / 0.4, "a", 0.6 / 0.5, "b"), ratios.PerSeed[0]);
        Assert.Equal(new SeedRatio(8, 0.2 / 0.25, "b", null, null), ratios.PerSeed[1]);
        Assert.Equal(((0.75 + 0.8) / 2), ratios.PinballRatio.Mean, 12);
        Assert.Equal(new SeedSpread(0.6 / 0.5, 0.6 / 0.5, 0.6 / 0.5, 0, 1), ratios.RecallAtBudgetRatio);
    }

    [Fact]
    public void Create_ReportsWithDifferentForecasters_Throws()
    {
        var reports = new[] { Report(7, Score("tft", 0.3, 0.6)), Report(8, Score("a", 0.3, 0.6)) };

        Assert.Throws<ArgumentException>(() => MultiSeedSummary.Create(reports));
    }
}
