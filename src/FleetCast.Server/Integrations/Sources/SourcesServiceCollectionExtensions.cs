using FleetCast.Core.Profiles;
using FleetCast.Server.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FleetCast.Server.Integrations.Sources;

public static class SourcesServiceCollectionExtensions
{
    /// <summary>The configured sources, their status board and the poller (which has nothing to do when none is configured).
    /// The poller is registered but not as a hosted service: the host adds it in its start order.</summary>
    public static IServiceCollection AddFleetCastSources(this IServiceCollection services, SourcesOptions options)
    {
        services.TryAddSingleton(options);
        services.TryAddSingleton(_ => new SourcesHttpClient(TimeSpan.FromSeconds(options.RequestTimeoutSeconds)));
        services.TryAddSingleton(sp => new SourceStatusBoard(CreateSources(options, sp.GetRequiredService<SourcesHttpClient>().Client)));
        services.TryAddSingleton<SourcePoller>();
        return services;
    }

    /// <summary>One source per scrape target, then the Prometheus source if configured. Options must be valid.</summary>
    public static IReadOnlyList<IMetricSource> CreateSources(SourcesOptions options, HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sources = new List<IMetricSource>();
        foreach (var target in options.Scrape)
        {
            SourceUrl.TryParse(target.Url, SourceUrl.NodeExporterPath, out var url, out _);
            var name = string.IsNullOrWhiteSpace(target.Name) ? SourceServerNames.Sanitize(SourceUrl.HostAndPort(url)) : target.Name.Trim();
            ServerProfile? profile = ProfileNames.TryParse(target.Profile, out var parsed) ? parsed : null;
            sources.Add(new NodeExporterSource(client, url, name, profile, options.DiskMount));
        }

        var prometheus = options.Prometheus;
        if (!string.IsNullOrWhiteSpace(prometheus.Url))
        {
            SourceUrl.TryParse(prometheus.Url, "/", out var url, out _);
            var queries = new PrometheusQueries(prometheus.Selector ?? "", prometheus.NameLabel, options.DiskMount, prometheus.RateWindowSeconds);
            sources.Add(new PrometheusQuerySource(client, url, $"prometheus {prometheus.Selector}", queries, prometheus.NameLabel));
        }

        return sources;
    }
}
