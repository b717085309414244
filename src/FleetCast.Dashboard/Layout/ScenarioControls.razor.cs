using FleetCast.Core.Scenarios;
using Microsoft.AspNetCore.Components;

namespace FleetCast.Dashboard.Layout;

/// <summary>Scenario buttons, shown only when the simulator runs in-process. Shows the server's real
/// answer (how many servers the scenario affects) or its error.</summary>
public sealed partial class ScenarioControls : ComponentBase
{
    internal static readonly (string Id, string Label)[] Buttons =
    [
        ("healthy", "Healthy"),
        ("degrading", "Degrading"),
        ("critical", "Critical"),
        ("cascade", "Cascade"),
    ];

    private IScenarioControl? _control;
    private string? _current;
    private string? _message;
    private bool _failed;
    private bool _busy;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    protected override void OnInitialized()
    {
        _control = Services.GetService(typeof(IScenarioControl)) as IScenarioControl;
        _current = _control?.Current.Scenario;
    }

    private async Task SetAsync(string scenario)
    {
        if (_control is null)
        {
            return;
        }

        _busy = true;
        try
        {
            var control = _control;
            var status = await Task.Run(() => control.Set(scenario));
            _current = status.Scenario;
            _failed = false;
            _message = $"{status.Scenario}: {status.AffectedServers.Count} servers affected";
        }
        catch (ArgumentException e)
        {
            _failed = true;
            _message = e.Message;
        }
        catch (InvalidOperationException e)
        {
            _failed = true;
            _message = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
