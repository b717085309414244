using FleetCast.Core.Profiles;
using FleetCast.Core.Scoring;
using FleetCast.Core.Thresholds;
using FleetCast.Server.Components.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FleetCast.Server.Components;

/// <summary>Registers and maps the Blazor dashboard. The host needs an <see cref="Engine.ISnapshotSource"/>;
/// an <see cref="Core.Scenarios.IScenarioControl"/> is optional (scenario buttons appear when present).</summary>
public static class DashboardServiceCollectionExtensions
{
    public static IServiceCollection AddFleetCastDashboard(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ChartModule>();

        // The tables the engine scores with; a host that configures its own registers them first.
        services.TryAddSingleton(ThresholdTable.Default);
        services.TryAddSingleton(ScoringOptions.Default);
        services.TryAddSingleton(ProfileRules.Default);
        return services;
    }

    /// <summary>Maps the dashboard at "/" with its static assets (the ECharts bundle, scoped CSS, blazor.web.js).</summary>
    public static WebApplication MapFleetCastDashboard(this WebApplication app)
    {
        app.UseAntiforgery();
        var manifest = Path.Combine(AppContext.BaseDirectory, app.Environment.ApplicationName + ".staticwebassets.endpoints.json");
        if (File.Exists(manifest))
        {
            app.MapStaticAssets(manifest);
        }
        else
        {
            // Without the host's static web assets manifest (a host that is not a Web SDK project) the
            // dashboard's scripts cannot be served; say so once instead of failing on every request.
            app.Logger.LogWarning(
                "Static web assets manifest {Manifest} not found: the dashboard's scripts will not load. Build the host with the Web SDK (Microsoft.NET.Sdk.Web).",
                manifest);
            app.UseStaticFiles();
        }

        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
