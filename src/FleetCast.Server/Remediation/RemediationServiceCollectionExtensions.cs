using FleetCast.Server.Alerting;
using FleetCast.Server.Options;
using FleetCast.Server.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace FleetCast.Server.Remediation;

public static class RemediationServiceCollectionExtensions
{
    /// <summary>The action store, executor (alert delivery's HttpClient), service and worker. Without rules the
    /// worker returns at once and nothing is ever run.</summary>
    public static IServiceCollection AddFleetCastRemediation(this IServiceCollection services, RemediationOptions options)
    {
        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => new RemediationActionStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton(sp => new RemediationExecutor(sp.GetRequiredService<AlertDeliveryHttpClient>().Client, options));
        services.TryAddSingleton(sp => new RemediationService(sp.GetRequiredService<RemediationActionStore>(), sp.GetRequiredService<RemediationExecutor>(),
            options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RemediationService>>()));
        services.TryAddSingleton<RemediationWorker>();
        return services;
    }
}
