using System.Text.Json;
using FleetCast.Core.Alerts;
using FleetCast.Core.Costs;
using FleetCast.Core.Json;
using FleetCast.Core.Metrics;
using FleetCast.Server.Costs;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Costs;

/// <summary>The estimate over alert rows stored by <see cref="AlertStore"/> (fired, then claimed and settled).</summary>
public sealed class CostAvoidanceServiceTests : IDisposable
{
    private static readonly DateTimeOffset T0 = Samples.Origin;
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    private readonly TempDatabase _temp = new();
    private readonly AlertStore _alerts;
    private readonly CostAvoidanceService _service;

    public CostAvoidanceServiceTests()
    {
        _alerts = new AlertStore(_temp.Database);
        _service = new CostAvoidanceService(new CostAvoidanceStore(_temp.Database), Step, new ManualTimeProvider(T0.AddDays(2)));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Report_StoredEventLog_MatchesTheHandCalculation()
    {
        // Critical came true after 40 min and after 5 min (one step, counted), after 0 min (too late); a critical
        // that did not happen, a warning that came true (never counted), and a critical outside the period.
        Store("ppdb001", AlertSeverity.Critical, T0, AlertOutcome.CameTrue, TimeSpan.FromMinutes(40));
        Store("ppdb002", AlertSeverity.Critical, T0.AddHours(1), AlertOutcome.CameTrue, Step);
        Store("ppdb003", AlertSeverity.Critical, T0.AddHours(2), AlertOutcome.CameTrue, TimeSpan.Zero);
        Store("ppdb004", AlertSeverity.Critical, T0.AddHours(3), AlertOutcome.DidNotHappen, TimeSpan.FromHours(8));
        Store("ppweb001", AlertSeverity.Warning, T0.AddHours(4), AlertOutcome.CameTrue, TimeSpan.FromMinutes(90));
        Store("ppdb005", AlertSeverity.Critical, T0.AddDays(-3), AlertOutcome.CameTrue, TimeSpan.FromMinutes(40));
        _service.Save(new CostInputs(CostPerHour: 5_000, OutageHours: 1.5, ShareActedOn: 0.8, "EUR"), "api key sha256:00000000");

        var report = _service.Report(T0.AddDays(-1), T0.AddDays(1));

        // N = 2; avoided = 2 × 0.8 × 1.5 h × 5 000 /h = 12 000.
        Assert.True(report.Configured);
        Assert.Equal(2, report.Counts.Counted);
        Assert.Equal(1, report.Counts.TooLate);
        Assert.Equal(new SeverityCounts(Warning: 1, Critical: 3), report.Counts.CameTrue);
        Assert.Equal(new SeverityCounts(Warning: 0, Critical: 1), report.Counts.DidNotHappen);
        Assert.Equal(5, report.Counts.MedianLeadMinutesCritical);
        Assert.Equal(90, report.Counts.MedianLeadMinutesWarning);
        var estimate = Assert.IsType<CostEstimateView>(report.Estimate);
        Assert.Equal(12_000, estimate.Avoided, precision: 6);
        Assert.Equal("estimate", estimate.Label);
        Assert.Equal("2 × 0.8 × 1.5 h × 5000/h = 12000 EUR", estimate.Calculation);
        Assert.Equal("api key sha256:00000000", report.Inputs!.UpdatedBy);
    }

    [Fact]
    public void Report_NoInputsStored_SaysNotConfiguredAndEstimatesNothing()
    {
        Store("ppdb001", AlertSeverity.Critical, T0, AlertOutcome.CameTrue, TimeSpan.FromMinutes(40));

        var report = _service.Report(T0.AddDays(-1), T0.AddDays(1));

        Assert.False(report.Configured);
        Assert.Null(report.Inputs);
        Assert.Null(report.Estimate);
        Assert.Contains("not configured", report.NotConfigured);
        Assert.Equal(1, report.Counts.Counted);
    }

    [Fact]
    public void Report_StoredInputsTooLargeForAFiniteFigure_EstimatesNothingAndSaysWhy()
    {
        Store("ppdb001", AlertSeverity.Critical, T0, AlertOutcome.CameTrue, TimeSpan.FromMinutes(40));
        Store("ppdb002", AlertSeverity.Critical, T0.AddHours(1), AlertOutcome.CameTrue, TimeSpan.FromMinutes(40));
        // Saved as an older server accepted them (no upper limit on costPerHour).
        _service.Save(new CostInputs(CostPerHour: double.MaxValue, OutageHours: 8760, ShareActedOn: 1), "api key sha256:00000000");

        var report = _service.Report(T0.AddDays(-1), T0.AddDays(1));
        var json = JsonSerializer.Serialize(report, FleetJson.Options);

        Assert.True(report.Configured);
        Assert.Equal(2, report.Counts.Counted);
        Assert.Null(report.Counts.Estimate);
        Assert.Null(report.Estimate);
        Assert.Equal(CostAvoidanceService.NotFiniteText, report.NotConfigured);
        Assert.DoesNotContain("Infinity", json, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_InputsAtTheCaps_GiveAFiniteFigure()
    {
        Store("ppdb001", AlertSeverity.Critical, T0, AlertOutcome.CameTrue, TimeSpan.FromMinutes(40));
        _service.Save(new CostInputs(CostInputsValidator.MaxCostPerHour, CostInputsValidator.MaxOutageHours, 1), "api key sha256:00000000");

        var report = _service.Report(T0.AddDays(-1), T0.AddDays(1));

        Assert.Equal(8.76e12, Assert.IsType<CostEstimateView>(report.Estimate).Avoided);
        Assert.Null(report.NotConfigured);
    }

    private void Store(string server, AlertSeverity severity, DateTimeOffset startedAt, AlertOutcome outcome, TimeSpan after)
    {
        var alert = TestAlerts.Alert(server, Metric.MemUsedPct, severity, startedAt);
        _alerts.Record([TestAlerts.Fired(alert)]);
        var prediction = new AlertPrediction(server, Metric.MemUsedPct, startedAt, severity, 98, startedAt.AddHours(8));
        _alerts.RecordOutcomes([prediction], [new AlertOutcomeSettlement(server, Metric.MemUsedPct, startedAt, severity, outcome, startedAt + after)]);
    }
}
