using FleetCast.Core.Metrics;

namespace FleetCast.Core.Alerts;

/// <summary>What a predictive incident claimed: by <see cref="Deadline"/> (data time) at least one of its
/// <see cref="Claims"/> comes true. <see cref="Metric"/> and <see cref="Threshold"/> are the first (most
/// urgent) claim. Identified like its stored lifecycle row, by server and start.</summary>
public sealed record AlertPrediction(string Server, Metric Metric, DateTimeOffset StartedAt, AlertSeverity Severity, double Threshold, DateTimeOffset Deadline)
{
    private readonly IReadOnlyList<AlertClaim>? _claims;

    /// <summary>Every predicted crossing; the first claim alone unless set.</summary>
    public IReadOnlyList<AlertClaim> Claims
    {
        get => _claims ?? [new AlertClaim(Metric, Threshold)];
        init => _claims = value;
    }

    /// <summary>The incident resolved while this claim was open (the claim stays open until it settles).</summary>
    public bool IncidentEnded { get; init; }

    /// <summary>Value equality, the claims compared item by item.</summary>
    public bool Equals(AlertPrediction? other) =>
        other is not null
        && Server == other.Server && Metric == other.Metric && StartedAt == other.StartedAt && Severity == other.Severity
        && Threshold.Equals(other.Threshold) && Deadline == other.Deadline && IncidentEnded == other.IncidentEnded
        && Claims.SequenceEqual(other.Claims);

    public override int GetHashCode() => HashCode.Combine(Server, Metric, StartedAt, Severity, Deadline, Claims.Count);
}
