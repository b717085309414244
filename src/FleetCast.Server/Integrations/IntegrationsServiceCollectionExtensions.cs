using FleetCast.Server.Engine;
using FleetCast.Server.Integrations.Prometheus;
using FleetCast.Server.Integrations.Sources;
using FleetCast.Server.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prometheus;

namespace FleetCast.Server.Integrations;

public static class IntegrationsServiceCollectionExtensions
{
    /// <summary>The Prometheus prediction export and the polled sources (node_exporter targets, a Prometheus
    /// query); their poller is a hosted service, registered in the host's start order.</summary>
    public static IServiceCollection AddFleetCastIntegrations(this IServiceCollection services, FleetCastOptions options)
    {
        services.TryAddSingleton(sp => new PredictionMetrics(sp.GetRequiredService<CollectorRegistry>(), sp.GetRequiredService<ISnapshotSource>(),
            options.PredictionMetrics, options.Forecast.StepSeconds, options.Forecast.HorizonSteps));
        services.AddFleetCastSources(options.Sources);
        return services;
    }
}
