using FleetCast.Core.Metrics;

namespace FleetCast.Forecasting.Evaluation;

/// <summary>Running sums of one forecaster's accuracy over all origins, servers, metrics and steps.</summary>
internal sealed class ScoreAccumulator
{
    private readonly double[] _pinballSum = new double[3];
    private readonly double[] _maeSum = new double[MetricCatalog.Count];
    private readonly long[] _maeCount = new long[MetricCatalog.Count];
    private long _count;
    private long _covered;

    public static double Pinball(double quantile, double actual, double predicted)
    {
        var error = actual - predicted;
        return error >= 0 ? quantile * error : (quantile - 1) * error;
    }

    /// <summary>Adds one scored point: normalised actual and quantiles, plus original-unit actual and p50.</summary>
    public void Add(int metric, double actualNorm, double p10Norm, double p50Norm, double p90Norm, double actual, double p50)
    {
        _pinballSum[0] += Pinball(0.1, actualNorm, p10Norm);
        _pinballSum[1] += Pinball(0.5, actualNorm, p50Norm);
        _pinballSum[2] += Pinball(0.9, actualNorm, p90Norm);
        _count++;
        if (actualNorm >= p10Norm && actualNorm <= p90Norm)
        {
            _covered++;
        }

        _maeSum[metric] += Math.Abs(actual - p50);
        _maeCount[metric]++;
    }

    public long Count => _count;

    public PinballLosses Pinball() => new(_pinballSum[0] / _count, _pinballSum[1] / _count, _pinballSum[2] / _count);

    public double Coverage => (double)_covered / _count;

    /// <summary>p50 MAE per metric that had scored points, keyed by wire name, in catalog order.</summary>
    public IReadOnlyDictionary<string, double> P50Mae()
    {
        var mae = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var m = 0; m < MetricCatalog.Count; m++)
        {
            if (_maeCount[m] > 0)
            {
                mae[MetricCatalog.All[m].WireName] = _maeSum[m] / _maeCount[m];
            }
        }

        return mae;
    }
}
