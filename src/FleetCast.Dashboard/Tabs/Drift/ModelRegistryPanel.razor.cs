using System.Globalization;
using FleetCast.Forecasting.Tft;
using FleetCast.Server.Retraining;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Dashboard.Tabs.Drift;

public partial class ModelRegistryPanel
{
    private readonly CancellationTokenSource _disposed = new();
    private IReadOnlyList<ModelRegistryRow> _rows = [];
    private string? _error;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    /// <summary>Changes with every engine step, so the table is read again.</summary>
    [Parameter]
    public DateTimeOffset? DataTime { get; set; }

    /// <summary>Null where the host has no model registry (the section is then left out).</summary>
    private IModelManagement? Management { get; set; }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    protected override void OnInitialized()
    {
        Management = Services.GetService<IModelManagement>();
        _ = RefreshWhileRunningAsync();
    }

    protected override void OnParametersSet() => _rows = Management is { } management ? ModelRegistryRow.From(management.Models) : [];

    internal static string StatusText(RetrainingStatus status)
    {
        if (!status.Auto)
        {
            return "Automatic retraining is off (Retraining:Auto).";
        }

        var text = string.Create(CultureInfo.InvariantCulture,
            $"Automatic retraining: {status.Consecutive} of {status.Needed} degraded quality measurements in a row{(status.LastReason is { } reason ? $" (last: {reason})" : "")}.");
        return status.NextAutoAllowedAt is { } next
            ? text + $" No automatic job before {Shared.DisplayFormat.DataTime(next)} (minimum interval)."
            : text;
    }

    private void Retrain()
    {
        var management = Management!;
        _error = management.StartRetraining("manual (dashboard)") is null ? "A retraining job is already running; one job runs at a time." : null;
        _rows = ModelRegistryRow.From(management.Models);
    }

    private async Task ActivateAsync(long id)
    {
        var management = Management!;
        try
        {
            _error = await management.ActivateAsync(id) is null ? $"Model {id} is no longer registered." : null;
        }
        catch (ModelLoadException exception)
        {
            _error = $"Model {id} does not load, so the serving model stays: {exception.Message}";
        }

        _rows = ModelRegistryRow.From(management.Models);
    }

    /// <summary>Job progress moves faster than engine steps at real speed: re-read every 2 s while a job runs.</summary>
    private async Task RefreshWhileRunningAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        try
        {
            while (await timer.WaitForNextTickAsync(_disposed.Token))
            {
                if (Management?.Retraining.Job is { Running: true })
                {
                    _rows = ModelRegistryRow.From(Management.Models);
                    await InvokeAsync(StateHasChanged);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The panel was disposed.
        }
    }
}
