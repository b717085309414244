using FleetCast.Core.Metrics;

namespace FleetCast.Forecasting.Data;

/// <summary>Per-server, per-metric standardisation by the mean and standard deviation of the look-back,
/// with a per-metric floor on the standard deviation so a flat series does not blow errors up.</summary>
public sealed class WindowNormalizer
{
    private readonly float[] _mean;
    private readonly float[] _std;

    private WindowNormalizer(float[] mean, float[] std)
    {
        _mean = mean;
        _std = std;
    }

    /// <summary>Mean of each metric over the look-back (0 where the metric has no finite value).</summary>
    public ReadOnlySpan<float> Mean => _mean;

    /// <summary>Standard deviation of each metric over the look-back, at least the floor.</summary>
    public ReadOnlySpan<float> Std => _std;

    /// <summary>Smallest standard deviation used, in the metric's own units: half a percentage point for
    /// percentages, 0.1 MB/s, one connection, 0.05 load, 0.01 days.</summary>
    public static float DefaultStdFloor(Metric metric) => MetricCatalog.Get(metric).Unit switch
    {
        "%" => 0.5f,
        "MB/s" => 0.1f,
        "connections" => 1f,
        "days" => 0.01f,
        _ => 0.05f,
    };

    /// <summary>Fits on row-major [step, metric] values (14 columns); non-finite values are skipped.</summary>
    /// <param name="stdFloor">Per-metric floors (14 entries); empty for <see cref="DefaultStdFloor"/>.</param>
    public static WindowNormalizer Fit(ReadOnlySpan<float> lookback, ReadOnlySpan<float> stdFloor = default)
    {
        if (lookback.Length % MetricCatalog.Count != 0)
        {
            throw new ArgumentException($"lookback must hold whole rows of {MetricCatalog.Count} metrics.", nameof(lookback));
        }

        if (!stdFloor.IsEmpty && stdFloor.Length != MetricCatalog.Count)
        {
            throw new ArgumentException($"stdFloor must have {MetricCatalog.Count} entries.", nameof(stdFloor));
        }

        Span<double> sum = stackalloc double[MetricCatalog.Count];
        Span<double> sumSquares = stackalloc double[MetricCatalog.Count];
        Span<int> count = stackalloc int[MetricCatalog.Count];
        sum.Clear();
        sumSquares.Clear();
        count.Clear();
        for (var offset = 0; offset < lookback.Length; offset += MetricCatalog.Count)
        {
            var row = lookback.Slice(offset, MetricCatalog.Count);
            for (var m = 0; m < MetricCatalog.Count; m++)
            {
                var v = row[m];
                if (float.IsFinite(v))
                {
                    sum[m] += v;
                    sumSquares[m] += (double)v * v;
                    count[m]++;
                }
            }
        }

        var mean = new float[MetricCatalog.Count];
        var std = new float[MetricCatalog.Count];
        for (var m = 0; m < MetricCatalog.Count; m++)
        {
            var floor = stdFloor.IsEmpty ? DefaultStdFloor((Metric)m) : stdFloor[m];
            if (count[m] == 0)
            {
                std[m] = floor;
                continue;
            }

            var mu = sum[m] / count[m];
            var variance = Math.Max(0, (sumSquares[m] / count[m]) - (mu * mu));
            mean[m] = (float)mu;
            std[m] = Math.Max(floor, (float)Math.Sqrt(variance));
        }

        return new WindowNormalizer(mean, std);
    }

    public float Normalize(float value, Metric metric) => (value - _mean[(int)metric]) / _std[(int)metric];

    public float Denormalize(float value, Metric metric) => (value * _std[(int)metric]) + _mean[(int)metric];

    /// <summary>Normalises row-major [step, metric] values in place.</summary>
    public void NormalizeRows(Span<float> rows) => Transform(rows, normalize: true);

    /// <summary>Reverses <see cref="NormalizeRows"/> in place.</summary>
    public void DenormalizeRows(Span<float> rows) => Transform(rows, normalize: false);

    /// <summary>Denormalises one metric's series (e.g. a quantile over the horizon) in place.</summary>
    public void DenormalizeSeries(Span<float> series, Metric metric)
    {
        var mu = _mean[(int)metric];
        var sigma = _std[(int)metric];
        for (var i = 0; i < series.Length; i++)
        {
            series[i] = (series[i] * sigma) + mu;
        }
    }

    private void Transform(Span<float> rows, bool normalize)
    {
        if (rows.Length % MetricCatalog.Count != 0)
        {
            throw new ArgumentException($"rows must hold whole rows of {MetricCatalog.Count} metrics.", nameof(rows));
        }

        for (var offset = 0; offset < rows.Length; offset += MetricCatalog.Count)
        {
            var row = rows.Slice(offset, MetricCatalog.Count);
            for (var m = 0; m < MetricCatalog.Count; m++)
            {
                row[m] = normalize ? (row[m] - _mean[m]) / _std[m] : (row[m] * _std[m]) + _mean[m];
            }
        }
    }
}
