using FleetCast.Core.Datasets;
using FleetCast.Core.Metrics;
using FleetCast.Core.Thresholds;

namespace FleetCast.Forecasting.Tft.Training;

/// <summary>The training and validation windows of a dataset, split in time: every training target
/// lies before <see cref="ValidationStartStep"/>, every validation target at or after it (a validation
/// look-back may reach back into the training period, which leaks no target).</summary>
internal sealed class TrainingWindows
{
    private const int Metrics = MetricCatalog.Count;
    private readonly FleetDataset _dataset;
    private readonly float[][] _filled;
    private readonly int _lookback;
    private readonly int _horizon;
    private readonly int _season;

    private TrainingWindows(FleetDataset dataset, float[][] filled, int lookback, int horizon, int season, int validationStart, (int Server, int Start)[] train, (int Server, int Start)[] validation)
    {
        _dataset = dataset;
        _filled = filled;
        _lookback = lookback;
        _horizon = horizon;
        _season = season;
        ValidationStartStep = validationStart;
        Train = train;
        Validation = validation;
    }

    public int ValidationStartStep { get; }

    public IReadOnlyList<(int Server, int Start)> Train { get; }

    public IReadOnlyList<(int Server, int Start)> Validation { get; }

    /// <summary>Windows start (first look-back step) at multiples of <paramref name="stride"/> from
    /// <paramref name="season"/> on, so each has one season of history before its look-back.</summary>
    public static TrainingWindows Create(FleetDataset dataset, int lookback, int horizon, int season, int stride, double validationFraction)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.Servers.Count == 0)
        {
            throw new ArgumentException("The dataset has no servers.", nameof(dataset));
        }

        var steps = dataset.Steps;
        if (dataset.Servers.Any(s => s.Length != steps || s.Values.Length != steps * Metrics))
        {
            throw new ArgumentException("Every server series in the dataset must have the same number of steps.", nameof(dataset));
        }

        var validationStart = steps - (int)Math.Round(steps * validationFraction);
        if (validationStart - season - lookback - horizon < 0 || steps - validationStart < horizon)
        {
            throw new ArgumentException(
                $"The dataset has {steps} steps; a season of {season}, a look-back of {lookback}, a horizon of {horizon} and a validation share of {validationFraction} " +
                $"need at least {season + lookback + horizon} training steps and {horizon} validation steps.", nameof(dataset));
        }

        var filled = dataset.Servers.Select(s => ForwardFill(s.Values)).ToArray();
        var train = new List<(int, int)>();
        var validation = new List<(int, int)>();
        for (var s = 0; s < dataset.Servers.Count; s++)
        {
            var values = dataset.Servers[s].Values;
            for (var start = season; start + lookback + horizon <= steps; start += stride)
            {
                var origin = start + lookback;
                var isTrain = origin + horizon <= validationStart;
                var isValidation = origin >= validationStart;
                if ((isTrain || isValidation) && IsUsable(values, start, lookback, horizon))
                {
                    (isTrain ? train : validation).Add((s, start));
                }
            }
        }

        if (train.Count == 0 || validation.Count == 0)
        {
            throw new ArgumentException(
                $"The dataset yields {train.Count} training and {validation.Count} validation windows; both must be at least 1.", nameof(dataset));
        }

        return new TrainingWindows(dataset, filled, lookback, horizon, season, validationStart, [.. train], [.. validation]);
    }

    /// <summary>Fills a batch from windows[offset .. offset + batch.Count). A window whose season-ago
    /// inputs over the horizon reach a warning threshold gets <paramref name="eventWeight"/> times the
    /// loss weight: the weight depends on inputs only, so it shifts the network's effort towards those
    /// windows without biasing what it learns to predict for them.</summary>
    public void Fill(TftBatch batch, IReadOnlyList<(int Server, int Start)> windows, int offset, float eventWeight = 1f)
    {
        for (var b = 0; b < batch.Count; b++)
        {
            var (server, start) = windows[offset + b];
            var series = _dataset.Servers[server];
            batch.SetInputs(b, _filled[server].AsSpan((start - _season) * Metrics, (_season + _lookback) * Metrics), series.Profile, _dataset.TimeOf(start), _dataset.StepSeconds);
            batch.SetTargets(b, series.Values.AsSpan((start + _lookback) * Metrics, _horizon * Metrics));
            if (eventWeight != 1f && SeasonAgoReachesWarning(server, start))
            {
                batch.WeightTargets(b, eventWeight);
            }
        }
    }

    /// <summary>Per metric, the newest look-back value of the window (gaps filled as the network's inputs are).</summary>
    public void NewestLookback(int server, int start, Span<float> values) =>
        _filled[server].AsSpan((start + _lookback - 1) * Metrics, Metrics).CopyTo(values);

    /// <summary>Per metric, the regime the window's look-back ends in (<see cref="CriticalRegime"/>).</summary>
    public void Regimes(int server, int start, Span<ForecastRegime> regimes)
    {
        var series = _dataset.Servers[server];
        CriticalRegime.Classify(series.Profile, series.Values, start + _lookback, _lookback, regimes);
    }

    /// <summary>Whether any metric, one season before any horizon step of the window, was at or over its
    /// warning threshold for the server's profile.</summary>
    internal bool SeasonAgoReachesWarning(int server, int start)
    {
        var thresholds = ThresholdTable.Default.ForProfile(_dataset.Servers[server].Profile);
        var rows = _filled[server].AsSpan((start - _season + _lookback) * Metrics, _horizon * Metrics);
        foreach (var metric in thresholds)
        {
            if (metric.Warning is not { } warning)
            {
                continue;
            }

            for (var t = 0; t < _horizon; t++)
            {
                if (metric.Reaches(rows[(t * Metrics) + (int)metric.Metric], warning))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>At least half of the look-back rows reported, and at least one target is known.</summary>
    private static bool IsUsable(float[] values, int start, int lookback, int horizon)
    {
        var missingRows = 0;
        for (var t = start; t < start + lookback; t++)
        {
            if (float.IsNaN(values[(t * Metrics) + (int)Metric.CpuIdlePct]))
            {
                missingRows++;
            }
        }

        if (missingRows * 2 > lookback)
        {
            return false;
        }

        for (var i = (start + lookback) * Metrics; i < (start + lookback + horizon) * Metrics; i++)
        {
            if (!float.IsNaN(values[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>NaN replaced by the previous value of the metric (the first value for leading gaps, 0 when none).</summary>
    private static float[] ForwardFill(float[] values)
    {
        var filled = (float[])values.Clone();
        var steps = values.Length / Metrics;
        for (var m = 0; m < Metrics; m++)
        {
            var first = 0f;
            for (var t = 0; t < steps; t++)
            {
                if (!float.IsNaN(values[(t * Metrics) + m]))
                {
                    first = values[(t * Metrics) + m];
                    break;
                }
            }

            var last = first;
            for (var t = 0; t < steps; t++)
            {
                ref var value = ref filled[(t * Metrics) + m];
                if (float.IsNaN(value))
                {
                    value = last;
                }
                else
                {
                    last = value;
                }
            }
        }

        return filled;
    }
}
