using FleetCast.Server.Engine;
using FleetCast.Server.Options;
using FleetCast.Server.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace FleetCast.Server.Retraining;

public static class RetrainingServiceCollectionExtensions
{
    /// <summary>The model registry, the candidate trainer and the retraining service (jobs and the automatic trigger).</summary>
    public static IServiceCollection AddFleetCastRetraining(this IServiceCollection services, FleetCastOptions options)
    {
        services.TryAddSingleton(options.Retraining);
        services.TryAddSingleton(sp => new ModelRegistry(sp.GetRequiredService<ModelRegistryStore>(), sp.GetRequiredService<ForecasterSet>(), options.Forecast,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ModelRegistry>>()));
        services.TryAddSingleton<ICandidateTrainer>(_ => new TftCandidateTrainer(options.Retraining, options.Forecast));
        services.TryAddSingleton(sp => new RetrainingRun(
            sp.GetRequiredService<SqliteDatabase>(),
            sp.GetRequiredService<ISampleStore>(),
            sp.GetRequiredService<ForecasterSet>(),
            sp.GetRequiredService<ModelRegistry>(),
            sp.GetRequiredService<ICandidateTrainer>(),
            options.Retraining,
            options.Forecast,
            ModelsDirectory(options),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<RetrainingService>();
        services.TryAddSingleton<IModelManagement, ModelManagement>();
        return services;
    }

    /// <summary>Where candidates are written: Retraining:ModelsDir, else &lt;data dir&gt;/models.</summary>
    public static string ModelsDirectory(FleetCastOptions options) => Path.GetFullPath(string.IsNullOrWhiteSpace(options.Retraining.ModelsDir)
        ? Path.Combine(options.Server.DataDir, "models")
        : options.Retraining.ModelsDir);
}
