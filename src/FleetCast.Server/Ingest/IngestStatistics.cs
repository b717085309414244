namespace FleetCast.Server.Ingest;

/// <summary>Counts of ingested samples and metric values, with a rate over the last minute of wall time.
/// Thread-safe.</summary>
public sealed class IngestStatistics
{
    private const int WindowSeconds = 60;

    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly long[] _bucketSecond = new long[WindowSeconds];
    private readonly long[] _bucketValues = new long[WindowSeconds];
    private readonly long[] _bucketSamples = new long[WindowSeconds];
    private long _totalSamples;
    private long _totalValues;
    private long _rejectedBatches;

    public IngestStatistics(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public long TotalSamples => Interlocked.Read(ref _totalSamples);

    /// <summary>Metric values accepted (absent metrics are not counted).</summary>
    public long TotalValues => Interlocked.Read(ref _totalValues);

    public long RejectedBatches => Interlocked.Read(ref _rejectedBatches);

    public void RecordAccepted(int samples, long values)
    {
        Interlocked.Add(ref _totalSamples, samples);
        Interlocked.Add(ref _totalValues, values);
        var second = _time.GetUtcNow().ToUnixTimeSeconds();
        var slot = (int)(second % WindowSeconds);
        lock (_gate)
        {
            if (_bucketSecond[slot] != second)
            {
                _bucketSecond[slot] = second;
                _bucketValues[slot] = 0;
                _bucketSamples[slot] = 0;
            }

            _bucketValues[slot] += values;
            _bucketSamples[slot] += samples;
        }
    }

    public void RecordRejected() => Interlocked.Increment(ref _rejectedBatches);

    /// <summary>Metric values per second averaged over the last 60 seconds.</summary>
    public double ValuesPerSecond() => SumLastMinute(_bucketValues) / (double)WindowSeconds;

    /// <summary>Samples (records) per second averaged over the last 60 seconds.</summary>
    public double SamplesPerSecond() => SumLastMinute(_bucketSamples) / (double)WindowSeconds;

    private long SumLastMinute(long[] buckets)
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        long sum = 0;
        lock (_gate)
        {
            for (var i = 0; i < WindowSeconds; i++)
            {
                if (_bucketSecond[i] > now - WindowSeconds && _bucketSecond[i] <= now)
                {
                    sum += buckets[i];
                }
            }
        }

        return sum;
    }
}
