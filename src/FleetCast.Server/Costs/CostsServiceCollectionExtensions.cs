using FleetCast.Server.Options;
using FleetCast.Server.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FleetCast.Server.Costs;

public static class CostsServiceCollectionExtensions
{
    /// <summary>The cost inputs store and the estimate over it (one engine step is the least lead that counts).</summary>
    public static IServiceCollection AddFleetCastCosts(this IServiceCollection services, FleetCastOptions options)
    {
        services.TryAddSingleton(sp => new CostAvoidanceStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton(sp => new CostAvoidanceService(sp.GetRequiredService<CostAvoidanceStore>(),
            TimeSpan.FromSeconds(options.Forecast.StepSeconds), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
