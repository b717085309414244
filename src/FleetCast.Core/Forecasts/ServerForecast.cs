using FleetCast.Core.Metrics;

namespace FleetCast.Core.Forecasts;

/// <summary>Quantile forecast of every metric of one server over the horizon, produced by one
/// named forecaster. Data layout: [quantile][metric][step], so one quantile of one metric is a
/// contiguous series. Quantiles are ordered (lower quantile ≤ higher quantile at every point).</summary>
public sealed class ServerForecast
{
    public ServerForecast(string server, string forecaster, DateTimeOffset originTime, int stepSeconds, double[] quantiles, int horizonSteps, float[] values)
    {
        if (values.Length != quantiles.Length * MetricCatalog.Count * horizonSteps)
        {
            throw new ArgumentException("Values must hold quantiles × 14 metrics × horizon steps.", nameof(values));
        }

        Server = server;
        Forecaster = forecaster;
        OriginTime = originTime;
        StepSeconds = stepSeconds;
        Quantiles = quantiles;
        HorizonSteps = horizonSteps;
        Values = values;
    }

    public string Server { get; }

    /// <summary>Name of the forecaster that produced this forecast, e.g. "tft" or "linear-trend".</summary>
    public string Forecaster { get; }

    /// <summary>Time of the last observed step; step h (1-based) is at OriginTime + h × step.</summary>
    public DateTimeOffset OriginTime { get; }

    public int StepSeconds { get; }

    public double[] Quantiles { get; }

    public int HorizonSteps { get; }

    public float[] Values { get; }

    public int QuantileIndex(double quantile)
    {
        for (var i = 0; i < Quantiles.Length; i++)
        {
            if (Math.Abs(Quantiles[i] - quantile) < 1e-9)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(quantile), quantile, "Quantile not produced by this forecast.");
    }

    public ReadOnlySpan<float> Series(int quantileIndex, Metric metric) =>
        Values.AsSpan(((quantileIndex * MetricCatalog.Count) + (int)metric) * HorizonSteps, HorizonSteps);

    public ReadOnlySpan<float> Series(double quantile, Metric metric) => Series(QuantileIndex(quantile), metric);

    public static readonly double[] StandardQuantiles = [0.1, 0.5, 0.9];
}
