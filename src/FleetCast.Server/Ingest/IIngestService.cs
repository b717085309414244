using FleetCast.Core.Samples;

namespace FleetCast.Server.Ingest;

/// <summary>The one way samples enter the system (HTTP routes and the in-process simulator alike):
/// commit to storage first, then update the windows. Samples must already be validated.</summary>
public interface IIngestService
{
    Task<IngestResult> IngestAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken = default);
}

public sealed record IngestResult(int Accepted, int ServersTracked, int ServersReady);
