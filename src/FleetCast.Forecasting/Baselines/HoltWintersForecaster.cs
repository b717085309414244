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
    private const int StackDoubles = 2048;
    private const int StackFloats = 4096;

    private readonly HoltWintersOptions _smoothing;
    private readonly double[] _alphas;

    public HoltWintersForecaster()
        : this(null, null)
    {
    }

    public HoltWintersForecaster(HoltWintersOptions? smoothing, BaselineOptions? options = null)
        : base(options)
    {
        _smoothing = smoothing ?? HoltWintersOptions.Default;
        _smoothing.Validate();
        _alphas = [.. _smoothing.AlphaGrid];
    }

    public override string Name => ForecasterCatalog.HoltWinters;

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

    protected override void ForecastFromOrigins(ReadOnlySpan<float> series, int seasonSteps, ReadOnlySpan<int> origins, int horizon,
        ReadOnlySpan<int> backtestLeads, Span<float> output)
    {
        // Every candidate alpha is filtered in the same pass (independent recurrences, so the CPU overlaps
        // them), writing backtest forecasts only at the leads that are read; the candidate with the
        // smallest one-step squared error (the first on ties) supplies the backtest rows and the forecast.
        var season = series.Length >= seasonSteps ? seasonSteps : 0;
        var alphas = _alphas;
        var candidates = alphas.Length;
        var backtestCount = origins.Length - 1;
        var leadCount = backtestLeads.Length;

        var seasonalLength = season * candidates;
        var seasonal = seasonalLength <= StackDoubles ? stackalloc double[seasonalLength] : new double[seasonalLength];
        var rowsLength = candidates * backtestCount * leadCount;
        var rows = rowsLength <= StackFloats ? stackalloc float[rowsLength] : new float[rowsLength];
        var damped = horizon <= StackDoubles ? stackalloc double[horizon] : new double[horizon];
        Span<double> level = candidates <= 16 ? stackalloc double[candidates] : new double[candidates];
        Span<double> trend = candidates <= 16 ? stackalloc double[candidates] : new double[candidates];
        Span<double> squaredError = candidates <= 16 ? stackalloc double[candidates] : new double[candidates];

        var phi = _smoothing.Phi;
        DampedSums(phi, damped);
        var start = Initialise(series, season, seasonal[..season], out var initialLevel);
        for (var c = 0; c < candidates; c++)
        {
            level[c] = initialLevel;
            trend[c] = 0;
            squaredError[c] = 0;
            if (c > 0)
            {
                seasonal[..season].CopyTo(seasonal.Slice(c * season, season));
            }
        }

        var next = 0;
        while (next < backtestCount && origins[next] <= start - 1)
        {
            // Origins inside the initialisation period (its last step included: the state after it is the
            // initial state) forecast from the initial state.
            WriteLeads(level, trend, seasonal, season, origins[next], damped, backtestLeads, rows, next, backtestCount);
            next++;
        }

        var beta = _smoothing.Beta;
        var gamma = _smoothing.Gamma;
        var index = season > 0 ? start % season : 0;
        for (var t = start; t < series.Length; t++)
        {
            double y = series[t];
            for (var c = 0; c < candidates; c++)
            {
                var alpha = alphas[c];
                var s = season > 0 ? seasonal[(c * season) + index] : 0;
                var previousLevel = level[c];
                var oneStep = previousLevel + (phi * trend[c]) + s;
                var e = y - oneStep;
                squaredError[c] += e * e;

                var newLevel = (alpha * (y - s)) + ((1 - alpha) * (previousLevel + (phi * trend[c])));
                trend[c] = (beta * (newLevel - previousLevel)) + ((1 - beta) * phi * trend[c]);
                level[c] = newLevel;
                if (season > 0)
                {
                    seasonal[(c * season) + index] = (gamma * (y - newLevel)) + ((1 - gamma) * s);
                }
            }

            if (season > 0 && ++index == season)
            {
                index = 0;
            }

            while (next < backtestCount && origins[next] == t)
            {
                WriteLeads(level, trend, seasonal, season, t, damped, backtestLeads, rows, next, backtestCount);
                next++;
            }
        }

        while (next < backtestCount)
        {
            WriteLeads(level, trend, seasonal, season, origins[next], damped, backtestLeads, rows, next, backtestCount);
            next++;
        }

        var best = 0;
        if (candidates > 1)
        {
            var bestError = double.PositiveInfinity;
            for (var c = 0; c < candidates; c++)
            {
                if (squaredError[c] < bestError)
                {
                    bestError = squaredError[c];
                    best = c;
                }
            }
        }

        var bestRows = rows.Slice(best * backtestCount * leadCount, backtestCount * leadCount);
        for (var r = 0; r < backtestCount; r++)
        {
            for (var k = 0; k < leadCount; k++)
            {
                output[(r * horizon) + backtestLeads[k] - 1] = bestRows[(r * leadCount) + k];
            }
        }

        // The real origin is the last step, so the filter's end state forecasts it.
        var final = output.Slice(backtestCount * horizon, horizon);
        var bestSeasonal = season > 0 ? seasonal.Slice(best * season, season) : [];
        var at = season > 0 ? (origins[backtestCount] + 1) % season : 0;
        for (var h = 1; h <= horizon; h++)
        {
            var s = season > 0 ? bestSeasonal[at] : 0;
            final[h - 1] = (float)(level[best] + (damped[h - 1] * trend[best]) + s);
            if (season > 0 && ++at == season)
            {
                at = 0;
            }
        }
    }

    /// <summary>Initial state: level = mean of the first season and season = deviations from it, or
    /// level = first value without a season. Returns the first step to filter.</summary>
    private static int Initialise(ReadOnlySpan<float> series, int season, Span<double> seasonal, out double level)
    {
        if (season == 0)
        {
            level = series[0];
            return 1;
        }

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

        return season;
    }

    /// <summary>damped[h − 1] = φ + φ² + … + φ^h, accumulated in that order.</summary>
    private static void DampedSums(double phi, Span<double> damped)
    {
        double sum = 0;
        var power = 1.0;
        for (var h = 0; h < damped.Length; h++)
        {
            power *= phi;
            sum += power;
            damped[h] = sum;
        }
    }

    /// <summary>Every candidate's forecast from <paramref name="origin"/> at the backtest leads, into row <paramref name="row"/>.</summary>
    private static void WriteLeads(ReadOnlySpan<double> level, ReadOnlySpan<double> trend, ReadOnlySpan<double> seasonal, int season, int origin,
        ReadOnlySpan<double> damped, ReadOnlySpan<int> leads, Span<float> rows, int row, int backtestCount)
    {
        for (var c = 0; c < level.Length; c++)
        {
            var target = rows.Slice(((c * backtestCount) + row) * leads.Length, leads.Length);
            for (var k = 0; k < leads.Length; k++)
            {
                var h = leads[k];
                var s = season > 0 ? seasonal[(c * season) + ((origin + h) % season)] : 0;
                target[k] = (float)(level[c] + (damped[h - 1] * trend[c]) + s);
            }
        }
    }
}
