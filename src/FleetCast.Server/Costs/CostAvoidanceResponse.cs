using FleetCast.Core.Costs;

namespace FleetCast.Server.Costs;

/// <summary>GET /api/v1/cost-avoidance: the period, the stored inputs (null = not configured), the formula, the
/// counts from the stored alert outcomes and the estimate (null without inputs, or when they give no finite figure;
/// never invented). <see cref="NotConfigured"/> says why there is no estimate.</summary>
public sealed record CostAvoidanceResponse(
    DateTimeOffset From,
    DateTimeOffset To,
    bool Configured,
    string? NotConfigured,
    CostInputsView? Inputs,
    string Formula,
    double MinimumLeadMinutes,
    CostAvoidanceReport Counts,
    CostEstimateView? Estimate);

/// <summary>The stored inputs as shown; <see cref="UpdatedBy"/> names the credential, never the key.</summary>
public sealed record CostInputsView(double CostPerHour, double OutageHours, double ShareActedOn, string? Currency, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    public static CostInputsView From(StoredCostInputs stored) => new(stored.Inputs.CostPerHour, stored.Inputs.OutageHours,
        stored.Inputs.ShareActedOn, stored.Inputs.Currency, stored.UpdatedAt, stored.UpdatedBy);
}

/// <summary>The figure, labelled as an estimate, with the filled-in formula.</summary>
public sealed record CostEstimateView(double Avoided, string? Currency, string Label, string Calculation);
