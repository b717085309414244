using FleetCast.Core.Samples;

namespace FleetCast.Server.Integrations.Sources;

/// <summary>Samples coming in from a system FleetCast polls (the outgoing direction is
/// <see cref="Prometheus.PredictionMetrics"/>). The poller validates and ingests what a read returns.</summary>
public interface IMetricSource
{
    /// <summary>Name in the status (a scraped server's name, or the Prometheus source's).</summary>
    string Name { get; }

    /// <summary>"node_exporter" or "prometheus".</summary>
    string Kind { get; }

    Uri Url { get; }

    /// <summary>One read; samples are timestamped <paramref name="now"/>. Throws when the source cannot be read.</summary>
    Task<IReadOnlyList<MetricSample>> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
