using Prometheus;

namespace FleetCast.Server.Ingest;

/// <summary>Prometheus view of ingest: totals read from <see cref="IngestStatistics"/> at scrape time,
/// plus rejected requests by reason (counted by the HTTP routes).</summary>
public sealed class IngestMetrics
{
    public IngestMetrics(CollectorRegistry registry, IngestStatistics statistics)
    {
        Statistics = statistics;
        var factory = Metrics.WithCustomRegistry(registry);
        var samples = factory.CreateCounter("fleetcast_ingest_samples_total", "Samples accepted and committed.");
        var values = factory.CreateCounter("fleetcast_ingest_values_total", "Metric values accepted and committed (absent metrics not counted).");
        var rate = factory.CreateGauge("fleetcast_ingest_values_per_second", "Metric values accepted per second over the last minute.");
        Rejected = factory.CreateCounter("fleetcast_ingest_rejected_total", "Ingest requests rejected, by reason.", new CounterConfiguration { LabelNames = ["reason"] });
        registry.AddBeforeCollectCallback(() =>
        {
            samples.IncTo(statistics.TotalSamples);
            values.IncTo(statistics.TotalValues);
            rate.Set(statistics.ValuesPerSecond());
        });
    }

    public IngestStatistics Statistics { get; }

    public Counter Rejected { get; }

    public void RecordRejected(string reason)
    {
        Rejected.WithLabels(reason).Inc();
        Statistics.RecordRejected();
    }
}
