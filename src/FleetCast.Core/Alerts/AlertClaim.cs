using FleetCast.Core.Metrics;

namespace FleetCast.Core.Alerts;

/// <summary>One predicted crossing of an incident: <see cref="Metric"/> reaches <see cref="Threshold"/>.</summary>
public sealed record AlertClaim(Metric Metric, double Threshold);
