using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Hosting;

/// <summary>A part the host serves beside its API, plugged in by the composition root (the CLI plugs in
/// the dashboard, FleetCast.Dashboard's <c>DashboardModule</c>), so the server does not reference it.</summary>
public interface IFleetCastModule
{
    /// <summary>Runs after the host registered its own services (stores, engine, API).</summary>
    void AddServices(IServiceCollection services);

    /// <summary>Runs after the host mapped its middleware and API endpoints.</summary>
    void Map(WebApplication app);
}
