namespace FleetCast.Forecasting.Baselines;

/// <summary>Least squares over the last 12 steps (what predict_linear gives a Prometheus user), with
/// bands from its own empirical h-step residual quantiles. With fewer steps it fits what there is
/// (two points give a line, one point a flat forecast).</summary>
public sealed class LinearTrendForecaster : BaselineForecaster
{
    public const int FitSteps = 12;

    public LinearTrendForecaster()
        : this(null)
    {
    }

    public LinearTrendForecaster(BaselineOptions? options)
        : base(options)
    {
    }

    public override string Name => ForecasterCatalog.LinearTrend;

    public override int MinHistorySteps => FitSteps;

    public override string Description =>
        "Least-squares line through the last 12 steps, extrapolated (Prometheus predict_linear); fewer steps fit what there is.";

    protected override int FirstBacktestOrigin(int length, int seasonSteps) =>
        Math.Min(FitSteps - 1, Math.Max(1, (length - 2) / 2));

    protected override void ForecastFromOrigins(ReadOnlySpan<float> series, int seasonSteps, ReadOnlySpan<int> origins, int horizon,
        ReadOnlySpan<int> backtestLeads, Span<float> output)
    {
        var last = origins.Length - 1;
        for (var r = 0; r < origins.Length; r++)
        {
            var origin = origins[r];
            var count = Math.Min(FitSteps, origin + 1);
            var row = output.Slice(r * horizon, horizon);
            var fit = series.Slice(origin - count + 1, count);

            // x = 0..count−1, centred at xMean; the line at x is yMean + slope × (x − xMean).
            var xMean = (count - 1) / 2.0;
            double yMean = 0;
            foreach (var y in fit)
            {
                yMean += y;
            }

            yMean /= count;
            double sxy = 0;
            double sxx = 0;
            for (var x = 0; x < count; x++)
            {
                var dx = x - xMean;
                sxy += dx * (fit[x] - yMean);
                sxx += dx * dx;
            }

            var slope = sxx > 0 ? sxy / sxx : 0;
            var atOrigin = yMean + (slope * (count - 1 - xMean));
            if (r < last)
            {
                // Backtest origins: only the leads whose residuals are read.
                foreach (var h in backtestLeads)
                {
                    row[h - 1] = (float)(atOrigin + (slope * h));
                }

                continue;
            }

            for (var h = 1; h <= horizon; h++)
            {
                row[h - 1] = (float)(atOrigin + (slope * h));
            }
        }
    }
}
