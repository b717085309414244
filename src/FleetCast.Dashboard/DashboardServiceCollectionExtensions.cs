using FleetCast.Core.Profiles;
using FleetCast.Core.Scoring;
using FleetCast.Core.Thresholds;
using FleetCast.Dashboard.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace FleetCast.Dashboard;

/// <summary>Registers and maps the Blazor dashboard. The host needs an <see cref="Server.Engine.ISnapshotSource"/>;
/// an <see cref="Core.Scenarios.IScenarioControl"/> is optional (scenario buttons appear when present).</summary>
public static class DashboardServiceCollectionExtensions
{
    /// <summary>This project's static web assets manifests, copied next to the host's assemblies; used
    /// when the host has none of its own.</summary>
    internal const string OwnManifestPrefix = "FleetCast.Dashboard";

    private const string ReloadStaticAssetsAtRuntimeKey = "ReloadStaticAssetsAtRuntime";

    public static IServiceCollection AddFleetCastDashboard(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ChartModule>();
        services.TryAddSingleton<SnapshotViewCache>();
        services.TryAddSingleton<StaticHtml>();
        services.TryAddSingleton<DashboardSessions>();
        services.TryAddSingleton<DashboardUpdateDelays>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, DashboardSessionTracker>());
        services.TryAddSingleton<DashboardMetrics>();

        // Needs the host's ForecasterSet and ServerExplanations (FleetCastHost registers them).
        services.TryAddSingleton<InsightsService>();

        // The tables the engine scores with; a host that configures its own registers them first.
        services.TryAddSingleton(ThresholdTable.Default);
        services.TryAddSingleton(ScoringOptions.Default);
        services.TryAddSingleton(ProfileRules.Default);
        return services;
    }

    /// <summary>Maps the dashboard at "/" with its static assets (the ECharts bundle, CSS, blazor.web.js),
    /// served from this project's own manifest so the host's SDK and environment do not matter.</summary>
    public static WebApplication MapFleetCastDashboard(this WebApplication app)
    {
        // Created now so its series are on /metrics from the first scrape.
        app.Services.GetRequiredService<DashboardMetrics>();
        app.UseAntiforgery();
        // A Web SDK host (an Exe) lists this project's assets and blazor.web.js in its own manifests;
        // any other host only has this project's (without blazor.web.js, which the SDK adds to Exes only).
        var prefix = File.Exists(Manifest(app.Environment.ApplicationName, "endpoints")) ? app.Environment.ApplicationName : OwnManifestPrefix;
        var endpoints = Manifest(prefix, "endpoints");
        var runtime = Manifest(prefix, "runtime");
        if (File.Exists(runtime))
        {
            // A build (not a publish): the assets still live in the source tree and obj/, which only the
            // runtime manifest knows. ASP.NET Core reads it by itself in Development only.
            var settings = new ConfigurationBuilder()
                .AddInMemoryCollection([new KeyValuePair<string, string?>(WebHostDefaults.StaticWebAssetsKey, runtime)])
                .Build();
            StaticWebAssetsLoader.UseStaticWebAssets(app.Environment, settings);
        }

        // With a build manifest ASP.NET Core patches assets at runtime for hot reload by default; it
        // compares each file's modification time with the manifest's (whole seconds), decides every
        // file has changed and then re-sends it gzip-wrapped without compression and without caching
        // headers (586 KB for the charts instead of ~200 KB, downloaded again on every load). The
        // files do not change after `dotnet build`, so this is off unless configured explicitly.
        if (string.IsNullOrEmpty(app.Configuration[ReloadStaticAssetsAtRuntimeKey]))
        {
            app.Configuration[ReloadStaticAssetsAtRuntimeKey] = "false";
        }

        var components = app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.DisableWebSocketCompression = true);
        if (File.Exists(endpoints))
        {
            app.MapStaticAssets(endpoints);
            components.WithStaticAssets(endpoints);
        }
        else
        {
            app.Logger.LogWarning("Static web assets manifest {Manifest} not found: the dashboard's scripts and styles will not load.", endpoints);
        }

        return app;
    }

    private static string Manifest(string prefix, string kind) =>
        Path.Combine(AppContext.BaseDirectory, $"{prefix}.staticwebassets.{kind}.json");
}
