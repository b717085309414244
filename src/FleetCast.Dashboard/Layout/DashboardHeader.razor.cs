using System.Globalization;
using FleetCast.Server.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Dashboard.Layout;

public partial class DashboardHeader
{
    [Parameter]
    public HeaderModel? Header { get; set; }

    [Parameter, EditorRequired]
    public RefreshSettings Refresh { get; set; } = RefreshSettings.Default;

    [Parameter]
    public EventCallback<RefreshSettings> RefreshChanged { get; set; }

    /// <summary>True when a newer snapshot exists than the one shown (interval or paused mode).</summary>
    [Parameter]
    public bool HasNewerData { get; set; }

    [Parameter]
    public EventCallback OnShowLatest { get; set; }

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    /// <summary>Only with API keys configured: without them there is no session to end.</summary>
    private bool SignOutShown => Services.GetService<ApiKeyValidator>()?.Enabled == true;

    private Task OnModeChanged(ChangeEventArgs e) =>
        Enum.TryParse<RefreshMode>(e.Value?.ToString(), out var mode)
            ? RefreshChanged.InvokeAsync(Refresh with { Mode = mode })
            : Task.CompletedTask;

    private Task OnIntervalChanged(ChangeEventArgs e) =>
        int.TryParse(e.Value?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && RefreshSettings.IntervalChoices.Contains(seconds)
            ? RefreshChanged.InvokeAsync(Refresh with { IntervalSeconds = seconds })
            : Task.CompletedTask;
}
