namespace FleetCast.Core.Alerts;

/// <summary>Alerts matching <see cref="Server"/> and/or <see cref="Metric"/> (null matches any) are
/// flagged silenced from <see cref="CreatedAt"/> until <see cref="Until"/> or until cancelled. Silenced
/// alerts still fire and are listed; they are only marked. Times are wall-clock.</summary>
/// <param name="Metric">Wire name of the metric.</param>
public sealed record Silence(
    long Id,
    string? Server,
    string? Metric,
    string By,
    string Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset Until,
    DateTimeOffset? CancelledAt = null,
    string? CancelledBy = null)
{
    public bool IsActiveAt(DateTimeOffset now) => CancelledAt is null && Until > now;

    public bool Matches(string server, string metric) =>
        (Server is null || string.Equals(Server, server, StringComparison.Ordinal))
        && (Metric is null || string.Equals(Metric, metric, StringComparison.Ordinal));

    /// <summary>"ppdb003 · mem_used_pct", "ppdb003 · any metric", "any server · mem_used_pct".</summary>
    public string Describe() => $"{Server ?? "any server"} · {Metric ?? "any metric"}";
}
