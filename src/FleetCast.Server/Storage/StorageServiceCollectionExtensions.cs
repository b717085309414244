using FleetCast.Server.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FleetCast.Server.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>One SQLite file under the data directory (disposed by the container after the hosted services
    /// stopped) and its stores. The windows over it are <c>AddFleetCastWindows</c>'; start-up (open + rebuild
    /// windows), readiness, metrics and retention are the host's.</summary>
    public static IServiceCollection AddFleetCastStorage(this IServiceCollection services, FleetCastOptions options)
    {
        services.TryAddSingleton(sp => new SqliteDatabase(new SqliteStorageOptions(Path.GetFullPath(options.Server.DataDir))
        {
            Time = sp.GetRequiredService<TimeProvider>(),
        }));
        services.TryAddSingleton<ISampleStore>(sp => new SampleStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<ISnapshotHistoryStore>(sp => new SnapshotHistoryStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<ICascadeStore>(sp => new CascadeStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton(sp => new ModelRegistryStore(sp.GetRequiredService<SqliteDatabase>()));
        return services;
    }
}
