using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Snapshots;
using FleetCast.Server.Alerting;
using Microsoft.AspNetCore.Components;

namespace FleetCast.Dashboard.Controls;

public partial class AlertActionPanel
{
    private string? _comment;
    private string? _reason;
    private int _minutes = SilenceChoices.DefaultMinutes;
    private SilenceScope _scope = SilenceScope.ServerAndMetric;
    private IReadOnlyList<string> _errors = [];

    [Parameter, EditorRequired]
    public AlertView Alert { get; set; } = default!;

    [Parameter]
    public AlertActionMode Mode { get; set; }

    /// <summary>The name recorded with the action.</summary>
    [Parameter]
    public string? Who { get; set; }

    /// <summary>Called after the action was stored, or when the form is cancelled.</summary>
    [Parameter]
    public EventCallback OnClose { get; set; }

    private string Title => Mode == AlertActionMode.Acknowledge
        ? $"Acknowledge {AlertKeys.SeverityText(Alert.Severity)} {Alert.Metric} on {Alert.Server}"
        : $"Silence alerts from {Alert.Server} ({Alert.Metric})";

    private async Task Submit()
    {
        try
        {
            if (Mode == AlertActionMode.Acknowledge)
            {
                Actions.Acknowledge(Alert.Server, Alert.Metric, AlertKeys.SeverityText(Alert.Severity), new AcknowledgeRequest(Who, _comment));
            }
            else
            {
                Actions.AddSilence(SilenceChoices.Request(Alert, _scope, Who, _reason, _minutes));
            }
        }
        catch (AlertActionException e)
        {
            _errors = e.Errors.Count > 0 ? e.Errors.SelectMany(pair => pair.Value).ToArray() : [e.Message];
            return;
        }

        _errors = [];
        await OnClose.InvokeAsync();
    }
}
