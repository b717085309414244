using FleetCast.Server.Hosting;
using FleetCast.Server.Options;
using FleetCast.Server.Windows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FleetCast.Server.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>One SQLite file under the data directory (disposed by the container after the hosted services
    /// stopped), its stores, the in-memory windows over it, start-up (open + rebuild windows) and retention.</summary>
    public static IServiceCollection AddFleetCastStorage(this IServiceCollection services, FleetCastOptions options)
    {
        services.TryAddSingleton(sp => new SqliteDatabase(new SqliteStorageOptions(Path.GetFullPath(options.Server.DataDir))
        {
            Time = sp.GetRequiredService<TimeProvider>(),
        }));
        services.TryAddSingleton<StorageReadiness>();
        services.TryAddSingleton<StorageMetrics>();
        services.TryAddSingleton<ISampleStore>(sp => new SampleStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<ISnapshotHistoryStore>(sp => new SnapshotHistoryStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<ICascadeStore>(sp => new CascadeStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton(sp => new ModelRegistryStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<IWindowStore>(sp => new WindowStore(new WindowStoreOptions
        {
            StepSeconds = options.Forecast.StepSeconds,
            WindowSteps = options.Forecast.WindowSteps,
            LookbackSteps = options.Forecast.LookbackSteps,
        }, sampleStore: sp.GetRequiredService<ISampleStore>()));
        services.TryAddSingleton<StorageStartup>();
        services.TryAddSingleton<RetentionService>();
        return services;
    }
}
