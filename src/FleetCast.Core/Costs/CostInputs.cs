namespace FleetCast.Core.Costs;

/// <summary>The installation's own figures for the cost-avoidance estimate; FleetCast never invents them.</summary>
/// <param name="CostPerHour">What one hour of outage costs (in <paramref name="Currency"/>).</param>
/// <param name="OutageHours">How long a typical outage lasts, in hours.</param>
/// <param name="ShareActedOn">Share of warnings someone acts on in time, 0 to 1.</param>
/// <param name="Currency">A label for the amounts (e.g. "EUR"); null shows plain numbers.</param>
public sealed record CostInputs(double CostPerHour, double OutageHours, double ShareActedOn, string? Currency = null);
