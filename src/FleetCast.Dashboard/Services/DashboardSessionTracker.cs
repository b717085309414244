using Microsoft.AspNetCore.Components.Server.Circuits;

namespace FleetCast.Dashboard.Services;

/// <summary>Counts circuits in <see cref="DashboardSessions"/> as they open and close.</summary>
internal sealed class DashboardSessionTracker(DashboardSessions sessions) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        sessions.Opened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        sessions.Closed();
        return Task.CompletedTask;
    }
}
