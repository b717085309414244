using FleetCast.Core.Profiles;
using FleetCast.Core.Samples;

namespace FleetCast.Server.Integrations.Sources;

/// <summary>Scrapes one node_exporter endpoint and maps it to one sample. Rates (cpu, network) need the
/// previous scrape: the first sample after start carries only the gauges; after an outage the rate is the average over it.</summary>
public sealed class NodeExporterSource(HttpClient client, Uri url, string serverName, ServerProfile? profile, string mount) : IMetricSource
{
    public const string SourceKind = "node_exporter";

    private NodeExporterReading? _previous;

    public string Name => serverName;

    public string Kind => SourceKind;

    public Uri Url => url;

    public async Task<IReadOnlyList<MetricSample>> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var text = await client.GetStringAsync(url, cancellationToken).ConfigureAwait(false);
        var reading = NodeExporterMapping.Read(ExpositionParser.Parse(text), mount, now);
        var values = NodeExporterMapping.ToValues(reading, _previous);
        _previous = reading;
        return values.Any(v => !double.IsNaN(v))
            ? [new MetricSample(serverName, now, profile, values)]
            : throw new InvalidDataException("the endpoint answered without any of the node_exporter series FleetCast reads (node_memory_*, node_load1, ...)");
    }
}
