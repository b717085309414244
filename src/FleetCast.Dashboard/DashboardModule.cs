using FleetCast.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Dashboard;

/// <summary>The dashboard as a part of the FleetCast host: <c>FleetCastHost.Build(..., modules: [new DashboardModule()])</c>.</summary>
public sealed class DashboardModule : IFleetCastModule
{
    public void AddServices(IServiceCollection services) => services.AddFleetCastDashboard();

    public void Map(WebApplication app) => app.MapFleetCastDashboard();
}
