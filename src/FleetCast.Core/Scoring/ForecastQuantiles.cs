using FleetCast.Core.Forecasts;
using FleetCast.Core.Thresholds;

namespace FleetCast.Core.Scoring;

/// <summary>Picks the quantile series that scoring, alerts and indicators read: the median (p50) and the
/// pessimistic side (p90 where high is bad, p10 where low is bad). A forecast without those exact
/// quantiles falls back to the nearest median and the outermost quantile on the bad side.</summary>
public static class ForecastQuantiles
{
    public const double Median = 0.5;
    public const double Upper = 0.9;
    public const double Lower = 0.1;

    public static int MedianIndex(ServerForecast forecast)
    {
        var best = 0;
        for (var i = 1; i < forecast.Quantiles.Length; i++)
        {
            if (Math.Abs(forecast.Quantiles[i] - Median) < Math.Abs(forecast.Quantiles[best] - Median))
            {
                best = i;
            }
        }

        return best;
    }

    public static int PessimisticIndex(ServerForecast forecast, bool highIsBad)
    {
        var wanted = highIsBad ? Upper : Lower;
        var best = 0;
        for (var i = 0; i < forecast.Quantiles.Length; i++)
        {
            var q = forecast.Quantiles[i];
            if (Math.Abs(q - wanted) < 1e-9)
            {
                return i;
            }

            if (highIsBad ? q > forecast.Quantiles[best] : q < forecast.Quantiles[best])
            {
                best = i;
            }
        }

        return best;
    }

    public static int PessimisticIndex(ServerForecast forecast, MetricThresholds thresholds) =>
        PessimisticIndex(forecast, thresholds.HighIsBad);

    /// <summary>The worst value of a series over its first <paramref name="steps"/> steps in the bad
    /// direction (max where high is bad, min where low is bad); NaN when none is a number.</summary>
    public static double Worst(ReadOnlySpan<float> series, int steps, bool highIsBad)
    {
        var worst = double.NaN;
        var count = Math.Min(steps, series.Length);
        for (var i = 0; i < count; i++)
        {
            double value = series[i];
            if (double.IsNaN(value))
            {
                continue;
            }

            if (double.IsNaN(worst) || (highIsBad ? value > worst : value < worst))
            {
                worst = value;
            }
        }

        return worst;
    }
}
