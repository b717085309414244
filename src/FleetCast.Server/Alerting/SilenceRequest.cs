namespace FleetCast.Server.Alerting;

/// <summary>Body of a new silence. At least one of <see cref="Server"/> and <see cref="Metric"/>; exactly
/// one of <see cref="Until"/> (absolute) and <see cref="DurationMinutes"/> (from now).</summary>
/// <param name="Metric">Wire name of the metric, e.g. mem_used_pct.</param>
public sealed record SilenceRequest(string? Server, string? Metric, string? Who, string? Reason, DateTimeOffset? Until = null, int? DurationMinutes = null);
