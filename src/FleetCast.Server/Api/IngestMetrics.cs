using Prometheus;

namespace FleetCast.Server.Api;

/// <summary>Ingest counters for Prometheus and the recent ingest rate for the status route
/// (samples per wall-clock second over the last minute).</summary>
public sealed class IngestMetrics
{
    private const int WindowSeconds = 60;
    private readonly TimeProvider _time;
    private readonly long[] _bucketSecond = new long[WindowSeconds];
    private readonly long[] _bucketCount = new long[WindowSeconds];
    private readonly Lock _lock = new();
    private long _total;
    private DateTimeOffset? _lastBatchAt;

    public IngestMetrics(CollectorRegistry registry, TimeProvider time)
    {
        _time = time;
        var factory = Metrics.WithCustomRegistry(registry);
        Samples = factory.CreateCounter("fleetcast_ingest_samples_total", "Samples accepted and committed.", new CounterConfiguration { LabelNames = ["source"] });
        Batches = factory.CreateCounter("fleetcast_ingest_batches_total", "Batches accepted and committed.", new CounterConfiguration { LabelNames = ["source"] });
        Rejected = factory.CreateCounter("fleetcast_ingest_rejected_total", "Ingest requests rejected.", new CounterConfiguration { LabelNames = ["reason"] });
    }

    public Counter Samples { get; }

    public Counter Batches { get; }

    public Counter Rejected { get; }

    public long TotalSamples => Interlocked.Read(ref _total);

    public DateTimeOffset? LastBatchAt
    {
        get
        {
            lock (_lock)
            {
                return _lastBatchAt;
            }
        }
    }

    public void RecordAccepted(int samples, string source)
    {
        Samples.WithLabels(source).Inc(samples);
        Batches.WithLabels(source).Inc();
        Interlocked.Add(ref _total, samples);
        var now = _time.GetUtcNow();
        var second = now.ToUnixTimeSeconds();
        var slot = (int)(second % WindowSeconds);
        lock (_lock)
        {
            if (_bucketSecond[slot] != second)
            {
                _bucketSecond[slot] = second;
                _bucketCount[slot] = 0;
            }

            _bucketCount[slot] += samples;
            _lastBatchAt = now;
        }
    }

    public void RecordRejected(string reason) => Rejected.WithLabels(reason).Inc();

    /// <summary>Samples per second over the last minute of wall-clock time.</summary>
    public double SamplesPerSecond()
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        long sum = 0;
        lock (_lock)
        {
            for (var i = 0; i < WindowSeconds; i++)
            {
                if (now - _bucketSecond[i] < WindowSeconds)
                {
                    sum += _bucketCount[i];
                }
            }
        }

        return (double)sum / WindowSeconds;
    }
}
