using FleetCast.Core.Alerts;
using FleetCast.Core.Costs;

namespace FleetCast.Core.Tests.Costs;

public sealed class CostAvoidanceCalculatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    /// <summary>Seven alerts: three critical ones came true (30 min, 5 min = one step, 0 min lead), one did not
    /// happen, one is open; a warning came true with 60 min lead and one did not happen.</summary>
    private static readonly AlertOutcomeEntry[] Log =
    [
        new(AlertSeverity.Critical, T0, AlertOutcome.CameTrue, T0.AddMinutes(30)),
        new(AlertSeverity.Critical, T0.AddHours(1), AlertOutcome.CameTrue, T0.AddHours(1).AddMinutes(5)),
        new(AlertSeverity.Critical, T0.AddHours(2), AlertOutcome.CameTrue, T0.AddHours(2)),
        new(AlertSeverity.Critical, T0.AddHours(3), AlertOutcome.DidNotHappen, T0.AddHours(11)),
        new(AlertSeverity.Critical, T0.AddHours(4), AlertOutcome.Open, null),
        new(AlertSeverity.Warning, T0.AddHours(5), AlertOutcome.CameTrue, T0.AddHours(6)),
        new(AlertSeverity.Warning, T0.AddHours(6), AlertOutcome.DidNotHappen, T0.AddHours(14)),
    ];

    [Fact]
    public void Calculate_FixedLog_MatchesTheHandCalculation()
    {
        var inputs = new CostInputs(CostPerHour: 10_000, OutageHours: 2, ShareActedOn: 0.5, "EUR");

        var report = CostAvoidanceCalculator.Calculate(Log, inputs, Step);

        // By hand: N = critical came-true with lead ≥ 5 min = 2 (30 min, 5 min; the 0-min one is too late);
        // avoided = 2 × 0.5 × 2 h × 10 000 /h = 20 000.
        Assert.Equal(2, report.Counted);
        Assert.Equal(1, report.TooLate);
        Assert.Equal(20_000, report.Estimate);
        Assert.Equal(new SeverityCounts(Warning: 1, Critical: 3), report.CameTrue);
        Assert.Equal(new SeverityCounts(Warning: 1, Critical: 1), report.DidNotHappen);
        Assert.Equal(new SeverityCounts(Warning: 0, Critical: 1), report.Open);
        Assert.Equal(5, report.MedianLeadMinutesCritical);
        Assert.Equal(60, report.MedianLeadMinutesWarning);
    }

    [Fact]
    public void Calculate_ProductBeyondADouble_GivesNoEstimateRatherThanInfinity()
    {
        var inputs = new CostInputs(CostPerHour: double.MaxValue, OutageHours: 8760, ShareActedOn: 1);

        var report = CostAvoidanceCalculator.Calculate(Log, inputs, Step);

        Assert.Equal(2, report.Counted);
        Assert.Null(report.Estimate);
    }

    [Fact]
    public void Calculate_NoInputs_CountsWithoutAnEstimate()
    {
        var report = CostAvoidanceCalculator.Calculate(Log, inputs: null, Step);

        Assert.Equal(2, report.Counted);
        Assert.Null(report.Estimate);
    }

    [Fact]
    public void Calculate_EvenNumberOfLeads_MedianIsTheMeanOfTheMiddleTwo()
    {
        AlertOutcomeEntry[] log =
        [
            new(AlertSeverity.Critical, T0, AlertOutcome.CameTrue, T0.AddMinutes(10)),
            new(AlertSeverity.Critical, T0, AlertOutcome.CameTrue, T0.AddMinutes(20)),
        ];

        var report = CostAvoidanceCalculator.Calculate(log, new CostInputs(100, 1, 1), Step);

        Assert.Equal(15, report.MedianLeadMinutesCritical);
        Assert.Null(report.MedianLeadMinutesWarning);
        Assert.Equal(200, report.Estimate);
    }

    [Fact]
    public void Formula_StatesTheMinimumLead()
    {
        var formula = CostAvoidanceCalculator.Formula(Step);

        Assert.Contains("N × shareActedOn × outageHours × costPerHour", formula);
        Assert.Contains("at least 5 min", formula);
    }
}
