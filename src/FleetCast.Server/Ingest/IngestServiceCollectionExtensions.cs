using FleetCast.Server.Options;
using FleetCast.Server.Storage;
using FleetCast.Server.Windows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FleetCast.Server.Ingest;

public static class IngestServiceCollectionExtensions
{
    /// <summary>Request limits, the sample validator (which rejects samples older than retention) and the JSON parser
    /// built on it, the ingest service and its statistics and metrics.</summary>
    public static IServiceCollection AddFleetCastIngest(this IServiceCollection services, FleetCastOptions options)
    {
        services.TryAddSingleton(new IngestOptions
        {
            MaxBodyBytes = options.Ingest.MaxBodyBytes,
            MaxFutureSkewSeconds = options.Ingest.MaxFutureSkewSeconds,
            MaxSamplesPerBatch = options.Ingest.MaxSamplesPerBatch,
        });
        services.TryAddSingleton(sp =>
        {
            var windows = sp.GetRequiredService<IWindowStore>();
            return new SampleValidator(sp.GetRequiredService<IngestOptions>(), () => windows.LatestDataTime?.AddDays(-options.Retention.Days));
        });
        services.TryAddSingleton(sp => new IngestRequestParser(sp.GetRequiredService<SampleValidator>()));
        services.TryAddSingleton(sp => new IngestStatistics(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IIngestService>(sp => new IngestService(sp.GetRequiredService<ISampleStore>(), sp.GetRequiredService<IWindowStore>(),
            sp.GetRequiredService<IngestStatistics>()));
        services.TryAddSingleton<IngestMetrics>();
        services.TryAddSingleton<BackfillStatus>();
        return services;
    }
}
