using FleetCast.Core.Alerts;
using FleetCast.Core.Remediation;

namespace FleetCast.Server.Remediation;

/// <summary>One stored remediation action and its audit trail: the alert that triggered it, what runs
/// (<see cref="Target"/>, without secrets), its status, who decided (name and credential, never a key), when it
/// ran and what came back. Times are wall-clock times except <see cref="AlertStartedAt"/> (data time).</summary>
public sealed record RemediationAction(
    long Id,
    string Rule,
    RemediationMode Mode,
    string Kind,
    string Server,
    string Profile,
    string Metric,
    AlertSeverity Level,
    double Value,
    DateTimeOffset AlertStartedAt,
    string Target,
    string Status,
    DateTimeOffset CreatedAt)
{
    public string? DecidedBy { get; init; }

    public string? DecidedVia { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>A rejection's comment, or why a suppressed action was not created.</summary>
    public string? Reason { get; init; }

    public DateTimeOffset? ExecutedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public int? HttpStatus { get; init; }

    public int? ExitCode { get; init; }

    /// <summary>Response body or command output, truncated to Remediation:MaxOutputChars.</summary>
    public string? Output { get; init; }

    public string? Error { get; init; }

    public RemediationTrigger Trigger => new(Server, Profile, Metric, Level, Value, AlertStartedAt);
}
