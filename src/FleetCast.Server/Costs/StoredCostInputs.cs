using FleetCast.Core.Costs;

namespace FleetCast.Server.Costs;

/// <summary>The cost inputs as stored, with when (wall clock) and by which credential they were last set.</summary>
public sealed record StoredCostInputs(CostInputs Inputs, DateTimeOffset UpdatedAt, string UpdatedBy);
