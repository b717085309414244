using FleetCast.Core.Profiles;
using FleetCast.Core.Samples;

namespace FleetCast.Server.Integrations.Sources;

/// <summary>Scrapes one node_exporter endpoint and maps it to one sample. Rates (cpu, network) need the
/// previous scrape, so the first scrape after start only primes them and yields no sample: the engine
/// publishes one snapshot per data step, and a gauges-only first sample would show cpu and network as
/// missing for that whole step although the host has them. After an outage the rate is the average over it.</summary>
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
        var previous = _previous;
        var values = NodeExporterMapping.ToValues(reading, previous);
        if (!values.Any(v => !double.IsNaN(v)))
        {
            throw new InvalidDataException("the endpoint answered without any of the node_exporter series FleetCast reads (node_memory_*, node_load1, ...)");
        }

        _previous = reading;
        return previous is null ? [] : [new MetricSample(serverName, now, profile, values)];
    }
}
