using FleetCast.Server.Engine;
using FleetCast.Server.Options;
using FleetCast.Server.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FleetCast.Server.Alerting;

public static class AlertingServiceCollectionExtensions
{
    /// <summary>The alert store, acknowledgements and silences, routes, outbox, sender and delivery worker.
    /// With no routes the worker finds nothing to send.</summary>
    public static IServiceCollection AddFleetCastAlerting(this IServiceCollection services, AlertingOptions alerting)
    {
        services.TryAddSingleton<IAlertStore>(sp => new AlertStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<AlertRouter>()));
        services.TryAddSingleton(alerting);
        services.TryAddSingleton(sp => AlertRouter.FromOptions(alerting, sp.GetRequiredService<TimeProvider>(),
            new DeferredAlertMutes(sp.GetRequiredService<AlertActions>)));
        services.TryAddSingleton<IOutboxStore>(sp => new OutboxStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton(_ => new AlertDeliveryHttpClient());
        services.TryAddSingleton(sp => new AlertDeliverySender(sp.GetRequiredService<AlertDeliveryHttpClient>().Client, alerting,
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<AlertDeliveryWorker>();
        services.TryAddSingleton<IAlertActionStore>(sp => new AlertActionStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton(sp => new AlertActions(sp.GetRequiredService<IAlertActionStore>(), sp.GetRequiredService<ISnapshotSource>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
