using FleetCast.Forecasting;
using FleetCast.Forecasting.Live;
using FleetCast.Server.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace FleetCast.Server.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>The forecasters (primary, warm-up, shadows), the snapshot engine with its cascade detection, and what
    /// reads its snapshots: explanations, engine metrics and forecast-quality tracking.</summary>
    public static IServiceCollection AddFleetCastEngine(this IServiceCollection services, FleetCastOptions options)
    {
        services.TryAddSingleton(sp => ModelForecasters.Create(options.Forecast, ForecasterCatalog.Create(options.Forecast.PrimaryBaseline),
            ForecasterCatalog.Create(ForecasterCatalog.LinearTrend), sp.GetRequiredService<ILoggerFactory>().CreateLogger("FleetCast.Model")));
        services.TryAddSingleton<ServerExplanations>();
        services.TryAddSingleton<EngineMetrics>();
        services.TryAddSingleton<CascadeMonitor>();
        services.TryAddSingleton<ICascadeSource>(sp => sp.GetRequiredService<CascadeMonitor>());
        services.TryAddSingleton<SnapshotEngine>();
        services.TryAddSingleton<ISnapshotSource>(sp => sp.GetRequiredService<SnapshotEngine>());
        services.TryAddSingleton<IAlertOutcomeSource>(sp => sp.GetRequiredService<SnapshotEngine>());
        services.TryAddSingleton(new ModelQualityOptions
        {
            Scoring = new LiveScoreOptions
            {
                StepSeconds = options.Forecast.StepSeconds,
                HorizonSteps = options.Forecast.HorizonSteps,
                LookbackSteps = options.Forecast.LookbackSteps,
            },
            ModelDir = string.IsNullOrWhiteSpace(options.Forecast.ModelDir) ? null : options.Forecast.ModelDir,
            ShadowEverySteps = options.Forecast.ShadowEverySteps,
            ShadowMaxServers = options.Forecast.ShadowMaxServers,
            ShadowNiceness = options.Forecast.StepNiceness,
        });
        services.TryAddSingleton(new ShadowForecasters(ForecasterCatalog.CreateBaselines()));
        services.TryAddSingleton<ModelQualityTracker>();
        services.TryAddSingleton<IModelQualitySource>(sp => sp.GetRequiredService<ModelQualityTracker>());
        return services;
    }
}
