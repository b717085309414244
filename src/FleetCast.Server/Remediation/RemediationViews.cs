using FleetCast.Core.Remediation;

namespace FleetCast.Server.Remediation;

/// <summary>A configured rule as the API and dashboard show it: the target without secrets (a URL's query and
/// user info hidden), the bearer token only as "configured" or "none".</summary>
public sealed record RemediationRuleView(string Name, string Mode, string Kind, string Target, string Auth, IReadOnlyList<string> Profiles,
    IReadOnlyList<string> Metrics, string MinLevel)
{
    public static RemediationRuleView From(ConfiguredRemediationRule rule) => new(rule.Name, RemediationModes.ToWire(rule.Rule.Mode), rule.Kind,
        rule.DisplayTemplate, rule.BearerToken is null ? "none" : "configured", [.. rule.Rule.Profiles.Order(StringComparer.Ordinal)],
        [.. rule.Rule.Metrics.Order(StringComparer.Ordinal)], rule.Rule.MinLevel == Core.Alerts.AlertSeverity.Critical ? "critical" : "warning");
}

/// <summary>GET /api/v1/remediation/rules.</summary>
public sealed record RemediationRulesResponse(bool Enabled, int CooldownMinutes, int MaxActionsPerHour, int ApprovalTimeoutMinutes, int TimeoutSeconds,
    IReadOnlyList<RemediationRuleView> Rules)
{
    public static RemediationRulesResponse From(RemediationService service) => new(service.Enabled, service.Options.CooldownMinutes,
        service.Options.MaxActionsPerHour, service.Options.ApprovalTimeoutMinutes, service.Options.TimeoutSeconds, [.. service.Rules.Select(RemediationRuleView.From)]);
}

/// <summary>One action with its audit trail, as the API shows it.</summary>
public sealed record RemediationActionView(long Id, string Rule, string Mode, string Kind, string Server, string Profile, string Metric, string Level,
    double Value, DateTimeOffset AlertStartedAt, string Target, string Status, DateTimeOffset CreatedAt, string? DecidedBy, string? DecidedVia,
    DateTimeOffset? DecidedAt, string? Reason, DateTimeOffset? ExecutedAt, DateTimeOffset? FinishedAt, int? HttpStatus, int? ExitCode, string? Output,
    string? Error)
{
    public static RemediationActionView From(RemediationAction a) => new(a.Id, a.Rule, RemediationModes.ToWire(a.Mode), a.Kind, a.Server, a.Profile,
        a.Metric, a.Level == Core.Alerts.AlertSeverity.Critical ? "critical" : "warning", a.Value, a.AlertStartedAt, a.Target, a.Status, a.CreatedAt,
        a.DecidedBy, a.DecidedVia, a.DecidedAt, a.Reason, a.ExecutedAt, a.FinishedAt, a.HttpStatus, a.ExitCode, a.Output, a.Error);
}

/// <summary>GET /api/v1/remediation/actions.</summary>
public sealed record RemediationActionsResponse(int Count, IReadOnlyList<RemediationActionView> Actions);
