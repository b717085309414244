using FleetCast.Core.Alerts;

namespace FleetCast.Core.Remediation;

/// <summary>A firing alert as remediation rules see it; its fields are the template variables {server},
/// {profile}, {metric}, {level} and {value} (the predicted value).</summary>
/// <param name="Profile">Wire name of the server's profile.</param>
/// <param name="Metric">Wire name of the metric.</param>
/// <param name="AlertStartedAt">Start of the alert's lifecycle (data time): a rule acts once per lifecycle.</param>
public sealed record RemediationTrigger(string Server, string Profile, string Metric, AlertSeverity Level, double Value, DateTimeOffset AlertStartedAt);
