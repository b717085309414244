namespace FleetCast.Server.Costs;

/// <summary>Body of PUT /api/v1/admin/cost-inputs: every figure is required (currency is a label, optional).</summary>
public sealed record CostInputsRequest(double? CostPerHour, double? OutageHours, double? ShareActedOn, string? Currency = null);
