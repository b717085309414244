using FleetCast.Core.Windows;

namespace FleetCast.Forecasting.Baselines;

/// <summary>Additive Holt-Winters with a daily season and a damped trend, with bands from its own
/// empirical h-step residual quantiles.</summary>
/// <remarks>The state is initialised from the first day only (level = its mean, trend 0, season = its
/// deviations from the mean) and then filtered from the second day on, so backtest origins from the end
/// of day one see no data from after themselves. With less than one day of history the season is
/// dropped (damped Holt linear trend from the first value).</remarks>
public sealed class HoltWintersForecaster : BaselineForecaster
{
    private const int StackSeasonLimit = 2048;

    private readonly HoltWintersOptions _smoothing;

    public HoltWintersForecaster()
        : this(null, null)
    {
    }

    public HoltWintersForecaster(HoltWintersOptions? smoothing, BaselineOptions? options = null)
        : base(options)
    {
        _smoothing = smoothing ?? HoltWintersOptions.Default;
        _smoothing.Validate();
    }

    public override string Name => "holt-winters";

    /// <summary>Two days: one to initialise the season, one to learn level and trend and backtest the bands.</summary>
    public override int MinHistorySteps => 576;

    public override string Description =>
        "Additive Holt-Winters with a daily season and damped trend, initialised from the first day; without a full day, damped Holt linear trend.";

    /// <summary>True when this window is shorter than a day, so the forecast has no seasonal part.</summary>
    public static bool UsesNonSeasonalFallback(ServerWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return window.Length < SeasonSteps(window.StepSeconds);
    }

    protected override int FirstBacktestOrigin(int length, int seasonSteps) =>
        length > seasonSteps ? seasonSteps - 1 : Math.Min(LinearTrendForecaster.FitSteps - 1, Math.Max(1, (length - 2) / 2));

    protected override void ForecastFromOrigins(ReadOnlySpan<float> series, int seasonSteps, ReadOnlySpan<int> origins, int horizon, Span<float> output)
    {
        var seasonal = series.Length >= seasonSteps ? seasonSteps : 0;
        var buffer = seasonal <= StackSeasonLimit ? stackalloc double[seasonal] : new double[seasonal];
        var alpha = _smoothing.AlphaGrid[0];
        if (_smoothing.AlphaGrid.Count > 1)
        {
            var bestError = double.PositiveInfinity;
            foreach (var candidate in _smoothing.AlphaGrid)
            {
                var error = Run(series, seasonal, candidate, buffer, [], horizon, []);
                if (error < bestError)
                {
                    bestError = error;
                    alpha = candidate;
                }
            }
        }

        Run(series, seasonal, alpha, buffer, origins, horizon, output);
    }

    /// <summary>Filters the series, writing forecasts at each origin; returns the one-step squared error.</summary>
    private double Run(ReadOnlySpan<float> series, int season, double alpha, Span<double> seasonal, ReadOnlySpan<int> origins, int horizon, Span<float> output)
    {
        var beta = _smoothing.Beta;
        var gamma = _smoothing.Gamma;
        var phi = _smoothing.Phi;
        double level;
        double trend = 0;
        int start;
        if (season > 0)
        {
            level = 0;
            for (var i = 0; i < season; i++)
            {
                level += series[i];
            }

            level /= season;
            for (var i = 0; i < season; i++)
            {
                seasonal[i] = series[i] - level;
            }

            start = season;
        }
        else
        {
            level = series[0];
            start = 1;
        }

        var next = 0;
        while (next < origins.Length && origins[next] < start - 1)
        {
            // Origins inside the initialisation period forecast from the initial state.
            WriteForecast(level, trend, seasonal, season, origins[next], phi, output.Slice(next * horizon, horizon));
            next++;
        }

        double squaredError = 0;
        for (var t = start; t < series.Length; t++)
        {
            var y = series[t];
            var s = season > 0 ? seasonal[t % season] : 0;
            var oneStep = level + (phi * trend) + s;
            var e = y - oneStep;
            squaredError += e * e;

            var previousLevel = level;
            level = (alpha * (y - s)) + ((1 - alpha) * (previousLevel + (phi * trend)));
            trend = (beta * (level - previousLevel)) + ((1 - beta) * phi * trend);
            if (season > 0)
            {
                seasonal[t % season] = (gamma * (y - level)) + ((1 - gamma) * s);
            }

            while (next < origins.Length && origins[next] == t)
            {
                WriteForecast(level, trend, seasonal, season, t, phi, output.Slice(next * horizon, horizon));
                next++;
            }
        }

        while (next < origins.Length)
        {
            WriteForecast(level, trend, seasonal, season, origins[next], phi, output.Slice(next * horizon, horizon));
            next++;
        }

        return squaredError;
    }

    private static void WriteForecast(double level, double trend, ReadOnlySpan<double> seasonal, int season, int origin, double phi, Span<float> row)
    {
        double damped = 0;
        var power = 1.0;
        for (var h = 1; h <= row.Length; h++)
        {
            power *= phi;
            damped += power;
            var s = season > 0 ? seasonal[(origin + h) % season] : 0;
            row[h - 1] = (float)(level + (damped * trend) + s);
        }
    }
}
