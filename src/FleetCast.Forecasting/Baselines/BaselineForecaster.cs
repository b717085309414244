using FleetCast.Core.Forecasts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Windows;
using FleetCast.Forecasting.Data;

namespace FleetCast.Forecasting.Baselines;

/// <summary>Common machinery of the statistical baselines: per-metric point forecasts from a subclass,
/// bands from the method's own empirical h-step residuals at rolling origins inside the window,
/// clamping to the catalog ranges, and flat forecasts for metrics never observed.</summary>
/// <remarks>Bands: at each backtest origin o the method forecasts from history [0..o]; the residual
/// actual − forecast at lead h is collected per metric. p10/p90 are the point forecast plus the 0.1/0.9
/// residual quantiles at that lead; p50 is the point forecast itself. Quantile offsets are kept on their
/// side of zero and made non-shrinking with h (uncertainty of these methods does not fall with lead).</remarks>
public abstract class BaselineForecaster : IForecaster
{
    private const double LowerQuantile = 0.1;
    private const double UpperQuantile = 0.9;

    protected BaselineForecaster(BaselineOptions? options)
    {
        Options = options ?? BaselineOptions.Default;
        Options.Validate();
    }

    public abstract string Name { get; }

    public bool IsModel => false;

    public abstract int MinHistorySteps { get; }

    /// <summary>What the method does, including its fallbacks, in words for the UI and the report.</summary>
    public abstract string Description { get; }

    public BaselineOptions Options { get; }

    /// <summary>Steps in one day (the season) at the given step length.</summary>
    public static int SeasonSteps(int stepSeconds)
    {
        if (stepSeconds <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(stepSeconds), stepSeconds, "stepSeconds must be positive.");
        }

        return Math.Max(1, 86_400 / stepSeconds);
    }

    public IReadOnlyList<ServerForecast> Forecast(IReadOnlyList<ServerWindow> windows, int horizonSteps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(windows);
        if (horizonSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(horizonSteps), horizonSteps, "horizonSteps must be at least 1.");
        }

        var scratch = new Scratch(horizonSteps, Options);
        var results = new ServerForecast[windows.Count];
        for (var i = 0; i < windows.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var window = windows[i] ?? throw new ArgumentNullException($"windows[{i}]");
            if (window.Length == 0)
            {
                throw new ArgumentException($"windows[{i}] ({window.Server}) has no steps.", nameof(windows));
            }

            if (window.Observed.Length != MetricCatalog.Count)
            {
                throw new ArgumentException($"windows[{i}].Observed must have {MetricCatalog.Count} entries.", nameof(windows));
            }

            results[i] = ForecastOne(window, horizonSteps, scratch);
        }

        return results;
    }

    /// <summary>Point forecasts of one series from several origins (ascending). Row r of
    /// <paramref name="output"/> ([origins.Length × horizon]) is the forecast made from history
    /// series[0..origins[r]]; its column h − 1 targets series[origins[r] + h]. The last row (the real
    /// forecast) must be complete; the earlier rows (backtest origins) are read only at the columns of
    /// <paramref name="backtestLeads"/> (ascending leads, 1-based), so the other columns may be left as they are.</summary>
    protected abstract void ForecastFromOrigins(ReadOnlySpan<float> series, int seasonSteps, ReadOnlySpan<int> origins, int horizon,
        ReadOnlySpan<int> backtestLeads, Span<float> output);

    /// <summary>Earliest origin whose forecast is representative of the method on a series of this length.</summary>
    protected abstract int FirstBacktestOrigin(int length, int seasonSteps);

    private ServerForecast ForecastOne(ServerWindow window, int horizon, Scratch scratch)
    {
        var n = window.Length;
        var season = SeasonSteps(window.StepSeconds);
        var origins = scratch.Origins(FirstBacktestOrigin(n, season), n);
        var backtestCount = origins.Length - 1;
        var values = new float[ServerForecast.StandardQuantiles.Length * MetricCatalog.Count * horizon];
        var series = scratch.Series(n);
        var predictions = scratch.Predictions(origins.Length);

        for (var m = 0; m < MetricCatalog.Count; m++)
        {
            var definition = MetricCatalog.All[m];
            var p10 = values.AsSpan(m * horizon, horizon);
            var p50 = values.AsSpan((MetricCatalog.Count + m) * horizon, horizon);
            var p90 = values.AsSpan(((2 * MetricCatalog.Count) + m) * horizon, horizon);
            ExtractSeries(window, m, series);

            if (!window.Observed[m])
            {
                var flat = Clamp(series[n - 1], definition);
                p10.Fill(flat);
                p50.Fill(flat);
                p90.Fill(flat);
                continue;
            }

            ForecastFromOrigins(series, season, origins, horizon, scratch.AnchorLeads, predictions);
            EstimateBands(series, origins[..backtestCount], predictions, horizon, scratch);

            var final = predictions.Slice(backtestCount * horizon, horizon);
            for (var h = 0; h < horizon; h++)
            {
                var point = final[h];
                p10[h] = Clamp(point + scratch.Lower[h], definition);
                p50[h] = Clamp(point, definition);
                p90[h] = Clamp(point + scratch.Upper[h], definition);
            }
        }

        var forecast = new ServerForecast(window.Server, Name, window.LastStepTime, window.StepSeconds, ServerForecast.StandardQuantiles, horizon, values);
        CounterProjection.Apply(window, forecast);
        return forecast;
    }

    private static void EstimateBands(ReadOnlySpan<float> series, ReadOnlySpan<int> origins, ReadOnlySpan<float> predictions, int horizon, Scratch scratch)
    {
        var lower = scratch.Lower;
        var upper = scratch.Upper;
        var residuals = scratch.Residuals;
        var n = series.Length;

        // Quantiles are estimated at anchor leads (1, 2, 3, 4, 6, 8, 12, ... , horizon) and interpolated
        // linearly between them: the residual spread changes smoothly with lead, and this keeps the
        // batch fast (a 1,000-server fleet is forecast on every model step).
        var lastEstimated = 0;
        foreach (var h in scratch.AnchorLeads)
        {
            var count = 0;
            for (var r = 0; r < origins.Length; r++)
            {
                var target = origins[r] + h;
                if (target < n)
                {
                    residuals[count++] = series[target] - predictions[(r * horizon) + h - 1];
                }
            }

            if (count < scratch.MinResiduals)
            {
                break;
            }

            var sample = residuals.AsSpan(0, count);
            var (low, high) = ResidualQuantiles.TailQuantiles(sample, LowerQuantile, UpperQuantile);
            lower[h - 1] = Math.Min(0f, low);
            upper[h - 1] = Math.Max(0f, high);
            if (lastEstimated > 0)
            {
                for (var between = lastEstimated + 1; between < h; between++)
                {
                    var weight = (float)(between - lastEstimated) / (h - lastEstimated);
                    lower[between - 1] = lower[lastEstimated - 1] + (weight * (lower[h - 1] - lower[lastEstimated - 1]));
                    upper[between - 1] = upper[lastEstimated - 1] + (weight * (upper[h - 1] - upper[lastEstimated - 1]));
                }
            }

            lastEstimated = h;
        }

        for (var h = lastEstimated + 1; h <= horizon; h++)
        {
            // Beyond the backtested leads, widen like a random walk from the last estimated lead.
            var scale = lastEstimated == 0 ? 0f : MathF.Sqrt((float)h / lastEstimated);
            lower[h - 1] = lastEstimated == 0 ? 0f : lower[lastEstimated - 1] * scale;
            upper[h - 1] = lastEstimated == 0 ? 0f : upper[lastEstimated - 1] * scale;
        }

        for (var h = 1; h < horizon; h++)
        {
            lower[h] = Math.Min(lower[h], lower[h - 1]);
            upper[h] = Math.Max(upper[h], upper[h - 1]);
        }
    }

    /// <summary>Copies one metric out of the row-major window, carrying the last finite value over any
    /// non-finite one (leading gaps take the first finite value, or 0 if there is none).</summary>
    private static void ExtractSeries(ServerWindow window, int metric, Span<float> series)
    {
        var values = window.Values;
        var last = float.NaN;
        for (var t = 0; t < series.Length; t++)
        {
            var v = values[(t * MetricCatalog.Count) + metric];
            if (float.IsFinite(v))
            {
                last = v;
            }

            series[t] = last;
        }

        if (float.IsNaN(series[0]))
        {
            var firstFinite = float.IsNaN(last) ? 0f : FirstFinite(series);
            for (var t = 0; t < series.Length && float.IsNaN(series[t]); t++)
            {
                series[t] = firstFinite;
            }
        }
    }

    private static float FirstFinite(ReadOnlySpan<float> series)
    {
        foreach (var v in series)
        {
            if (!float.IsNaN(v))
            {
                return v;
            }
        }

        return 0f;
    }

    private static float Clamp(float value, MetricDefinition definition)
    {
        var clamped = Math.Max(value, (float)definition.Min);
        return definition.Max is { } max ? Math.Min(clamped, (float)max) : clamped;
    }

    /// <summary>Buffers reused across the windows and metrics of one batch.</summary>
    private sealed class Scratch(int horizon, BaselineOptions options)
    {
        private readonly int _horizon = horizon;
        private readonly int _maxOrigins = options.MaxBacktestOrigins;
        private float[] _series = [];
        private float[] _predictions = [];
        private int[] _origins = [];

        public int MinResiduals { get; } = options.MinResidualsPerLead;

        public float[] Lower { get; } = new float[horizon];

        public float[] Upper { get; } = new float[horizon];

        public float[] Residuals { get; } = new float[options.MaxBacktestOrigins];

        /// <summary>Leads at which residual quantiles are estimated: 1–4, then about ×1.5 apart, then the horizon.</summary>
        public int[] AnchorLeads { get; } = CreateAnchorLeads(horizon);

        private static int[] CreateAnchorLeads(int horizon)
        {
            var leads = new List<int>();
            for (var h = 1; h <= horizon; h = h < 4 ? h + 1 : (h * 3) / 2)
            {
                leads.Add(h);
            }

            if (leads[^1] != horizon)
            {
                leads.Add(horizon);
            }

            return [.. leads];
        }

        public Span<float> Series(int length)
        {
            if (_series.Length < length)
            {
                _series = new float[length];
            }

            return _series.AsSpan(0, length);
        }

        public Span<float> Predictions(int originCount)
        {
            var needed = originCount * _horizon;
            if (_predictions.Length < needed)
            {
                _predictions = new float[needed];
            }

            return _predictions.AsSpan(0, needed);
        }

        /// <summary>Evenly spaced backtest origins in [first, length − 2], then the real origin length − 1.</summary>
        public ReadOnlySpan<int> Origins(int first, int length)
        {
            if (_origins.Length < _maxOrigins + 1)
            {
                _origins = new int[_maxOrigins + 1];
            }

            var last = length - 2;
            first = Math.Max(0, first);
            var available = last - first + 1;
            var count = Math.Clamp(available, 0, _maxOrigins);
            for (var i = 0; i < count; i++)
            {
                // Spread from the newest origin backwards so the newest behaviour is always included.
                _origins[count - 1 - i] = last - (int)((long)i * (available - 1) / Math.Max(1, count - 1));
            }

            _origins[count] = length - 1;
            return _origins.AsSpan(0, count + 1);
        }
    }
}
