using FleetCast.Core.Alerts;
using FleetCast.Server.Alerting;
using Microsoft.AspNetCore.Components;

namespace FleetCast.Dashboard.Controls;

public partial class SilenceList
{
    private string? _error;

    [Parameter, EditorRequired]
    public IReadOnlyList<Silence> Silences { get; set; } = [];

    /// <summary>The name recorded as the one who cancelled.</summary>
    [Parameter]
    public string? Who { get; set; }

    private void Cancel(long id)
    {
        try
        {
            Actions.CancelSilence(id, Who);
            _error = null;
        }
        catch (AlertActionException e)
        {
            _error = e.Errors.Count > 0 ? string.Join(" ", e.Errors.SelectMany(pair => pair.Value)) : e.Message;
        }
    }
}
