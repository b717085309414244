using System.Globalization;
using FleetCast.Core.Alerts;
using FleetCast.Core.Remediation;
using FleetCast.Server.Alerting;
using FleetCast.Server.Auth;
using FleetCast.Server.Remediation;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Dashboard.Tabs.Remediation;

/// <summary>The configured remediation rules (no secrets), the actions waiting for approval with approve and
/// reject buttons, and the audit log; the same <see cref="RemediationService"/> as /api/v1/remediation. The
/// dashboard is behind the API key sign-in, so whoever sees the buttons holds a key.</summary>
public sealed partial class RemediationTab
{
    public const int AuditLimit = 50;

    /// <summary>How to add a rule, shown when none is configured.</summary>
    public static readonly IReadOnlyList<string> ExampleConfiguration =
    [
        "FLEETCAST__REMEDIATION__RULES__0__NAME=restart-db-cache",
        "FLEETCAST__REMEDIATION__RULES__0__PROFILES=database",
        "FLEETCAST__REMEDIATION__RULES__0__METRICS=mem_used_pct",
        "FLEETCAST__REMEDIATION__RULES__0__MINLEVEL=critical",
        "FLEETCAST__REMEDIATION__RULES__0__MODE=approval",
        "FLEETCAST__REMEDIATION__RULES__0__WEBHOOKURL=https://runbooks.example.com/restart/{server}",
        "FLEETCAST__REMEDIATION__RULES__0__BEARERTOKEN=...",
    ];

    private RemediationService? _service;
    private IReadOnlyList<RemediationAction>? _actions;
    private string? _unavailable;
    private string? _who;
    private IReadOnlyList<string> _errors = [];

    private IReadOnlyList<RemediationAction> Pending => [.. (_actions ?? []).Where(a => a.Status == RemediationStatus.Pending)];

    protected override async Task OnParametersSetAsync()
    {
        if (Reads.Due)
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        if (Services.GetService<RemediationService>() is not { } service)
        {
            _unavailable = "This server runs without storage, so there are no remediation rules or actions to show.";
            return;
        }

        _service = service;
        await Reads.ReadAsync(() => service.Actions(AuditLimit), actions => _actions = actions);
    }

    private void OnWho(ChangeEventArgs e) => _who = e.Value?.ToString();

    private async Task DecideAsync(long id, bool approve)
    {
        if (_service is not { } service)
        {
            return;
        }

        try
        {
            var request = new RemediationDecisionRequest(_who);
            _ = approve
                ? await service.ApproveAsync(id, request, RequestCredential.DashboardSession)
                : await service.RejectAsync(id, request, RequestCredential.DashboardSession);
            _errors = [];
        }
        catch (RemediationActionException e)
        {
            _errors = e.Errors.Count > 0 ? [.. e.Errors.SelectMany(pair => pair.Value)] : [e.Message];
        }

        _actions = service.Actions(AuditLimit);
    }

    private static string Takes(RemediationRuleView rule)
    {
        var parts = new List<string> { rule.MinLevel == "critical" ? "critical" : "warning and critical" };
        if (rule.Profiles.Count > 0)
        {
            parts.Add("profiles " + string.Join(", ", rule.Profiles));
        }

        if (rule.Metrics.Count > 0)
        {
            parts.Add("metrics " + string.Join(", ", rule.Metrics));
        }

        return string.Join("; ", parts);
    }

    private static string AlertText(RemediationAction action) =>
        string.Create(CultureInfo.InvariantCulture, $"{action.Server} {action.Metric} {AlertKeys.SeverityText(action.Level)} ({action.Value:0.##})");

    private static string Result(RemediationAction action)
    {
        var parts = new List<string>();
        if (action.HttpStatus is { } status)
        {
            parts.Add($"HTTP {status}");
        }

        if (action.ExitCode is { } exit)
        {
            parts.Add($"exit code {exit}");
        }

        if (action.Error is { } error)
        {
            parts.Add(error);
        }

        if (action.Output is { } output)
        {
            parts.Add(output.Length > 200 ? output[..200] + "…" : output);
        }

        return string.Join("; ", parts);
    }

    private static string Wall(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
