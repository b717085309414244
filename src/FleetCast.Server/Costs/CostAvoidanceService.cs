using System.Globalization;
using FleetCast.Core.Costs;

namespace FleetCast.Server.Costs;

/// <summary>Computes the cost-avoidance figures of a period from the stored inputs and alert outcomes; the API
/// and the dashboard's Cost avoidance tab both read through it.</summary>
public sealed class CostAvoidanceService(CostAvoidanceStore store, TimeSpan step, TimeProvider time)
{
    public const string EstimateLabel = "estimate";

    public const string NotConfiguredText =
        "Cost inputs are not configured: set costPerHour, outageHours and shareActedOn with PUT /api/v1/admin/cost-inputs. " +
        "No figure is estimated without them.";

    public const string NotFiniteText =
        "The stored cost inputs multiply beyond any number (they predate today's limits: costPerHour at most 1,000,000,000, " +
        "outageHours at most 8,760): set them again with PUT /api/v1/admin/cost-inputs. No figure is estimated from them.";

    private readonly CostAvoidanceStore _store = store ?? throw new ArgumentNullException(nameof(store));
    private readonly TimeProvider _time = time ?? throw new ArgumentNullException(nameof(time));

    /// <summary>The least lead that counts (one engine step).</summary>
    public TimeSpan MinimumLead { get; } = step > TimeSpan.Zero ? step : throw new ArgumentOutOfRangeException(nameof(step));

    public StoredCostInputs? Inputs => _store.LoadInputs();

    public CostAvoidanceResponse Report(DateTimeOffset from, DateTimeOffset to)
    {
        var stored = _store.LoadInputs();
        var report = CostAvoidanceCalculator.Calculate(_store.OutcomeLog(from, to), stored?.Inputs, MinimumLead);
        var noEstimate = stored is null ? NotConfiguredText : report.Estimate is null ? NotFiniteText : null;
        return new CostAvoidanceResponse(from, to, stored is not null, noEstimate,
            stored is null ? null : CostInputsView.From(stored), CostAvoidanceCalculator.Formula(MinimumLead), MinimumLead.TotalMinutes,
            report, stored is null || report.Estimate is not { } avoided ? null : Estimate(avoided, report.Counted, stored.Inputs));
    }

    public StoredCostInputs Save(CostInputs inputs, string by) => _store.SaveInputs(inputs, _time.GetUtcNow(), by);

    private static CostEstimateView Estimate(double avoided, int counted, CostInputs inputs) => new(avoided, inputs.Currency, EstimateLabel,
        string.Create(CultureInfo.InvariantCulture,
            $"{counted} × {inputs.ShareActedOn} × {inputs.OutageHours} h × {inputs.CostPerHour}/h = {avoided:0.##}{(inputs.Currency is { } c ? " " + c : string.Empty)}"));
}
