using FleetCast.Core.Metrics;

namespace FleetCast.Core.Alerts;

/// <summary>A firing alert: the one incident of its server, with its latest evaluation. <see cref="Headline"/>
/// is the most urgent metric found (<see cref="AlertMetricFinding.CompareUrgency"/>); <see cref="Metrics"/> lists
/// every metric found and <see cref="SeenMetrics"/> every metric found during the lifecycle. Times are data times,
/// not wall-clock times.</summary>
public sealed record ActiveAlert(
    string Server,
    AlertMetricFinding Headline,
    DateTimeOffset StartedAt,
    DateTimeOffset LastEvaluatedAt)
{
    private readonly IReadOnlyList<AlertMetricFinding>? _metrics;
    private readonly IReadOnlyList<Metric>? _seenMetrics;

    public AlertKey Key => new(Server);

    /// <summary>The metrics the latest evaluation found, most urgent first (the headline first); the headline
    /// alone unless set.</summary>
    public IReadOnlyList<AlertMetricFinding> Metrics
    {
        get => _metrics ?? [Headline];
        init => _metrics = value;
    }

    /// <summary>Every metric found during the lifecycle: the current ones first (most urgent first), then
    /// those found earlier only, in catalog order. The current metrics unless set.</summary>
    public IReadOnlyList<Metric> SeenMetrics
    {
        get => _seenMetrics ?? [.. Metrics.Select(m => m.Metric)];
        init => _seenMetrics = value;
    }

    /// <summary>The wire names of <see cref="SeenMetrics"/>.</summary>
    public IReadOnlyList<string> SeenMetricNames => [.. SeenMetrics.Select(MetricCatalog.WireName)];

    /// <summary>Value equality, the metric lists compared item by item.</summary>
    public bool Equals(ActiveAlert? other) =>
        other is not null
        && Server == other.Server && Headline == other.Headline
        && StartedAt == other.StartedAt && LastEvaluatedAt == other.LastEvaluatedAt
        && Metrics.SequenceEqual(other.Metrics) && SeenMetrics.SequenceEqual(other.SeenMetrics);

    public override int GetHashCode() => HashCode.Combine(Server, Headline, StartedAt, Metrics.Count, SeenMetrics.Count);

    /// <summary>The incident of <paramref name="server"/> as <paramref name="findings"/> describe it (most urgent
    /// first; the first is the headline), with every metric of <paramref name="seen"/> found earlier.</summary>
    public static ActiveAlert FromFindings(string server, IReadOnlyList<AlertMetricFinding> findings, IEnumerable<Metric> seen,
        DateTimeOffset startedAt, DateTimeOffset lastEvaluatedAt)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentOutOfRangeException.ThrowIfZero(findings.Count);
        return new ActiveAlert(server, findings[0], startedAt, lastEvaluatedAt)
        {
            Metrics = findings,
            SeenMetrics = OrderSeen(findings, seen),
        };
    }

    /// <summary>Current metrics (urgency order) followed by the others of <paramref name="seen"/> in catalog order.</summary>
    public static IReadOnlyList<Metric> OrderSeen(IEnumerable<AlertMetricFinding> current, IEnumerable<Metric> seen)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(seen);
        var first = current.Select(f => f.Metric).Distinct().ToList();
        return [.. first, .. seen.Distinct().Where(m => !first.Contains(m)).Order()];
    }
}
