using FleetCast.Core.Datasets;
using FleetCast.Core.Metrics;
using FleetCast.Core.Windows;

namespace FleetCast.Forecasting.Data;

/// <summary>Cuts a <see cref="FleetDataset"/> into (origin, look-back, horizon) windows. A row with any
/// non-finite value (the server did not report) is a gap; gap checks are O(1) per window.</summary>
public sealed class DatasetWindows
{
    private readonly FleetDataset _dataset;

    // _gapPrefix[s][t] = number of gap rows among steps [0, t) of server s.
    private readonly int[][] _gapPrefix;

    public DatasetWindows(FleetDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        _dataset = dataset;
        _gapPrefix = new int[dataset.Servers.Count][];
        for (var s = 0; s < dataset.Servers.Count; s++)
        {
            var series = dataset.Servers[s];
            if (series.Length != dataset.Steps)
            {
                throw new ArgumentException($"dataset.Servers[{s}] ({series.Server}) has {series.Length} steps; expected {dataset.Steps}.", nameof(dataset));
            }

            var prefix = new int[series.Length + 1];
            for (var t = 0; t < series.Length; t++)
            {
                prefix[t + 1] = prefix[t] + (IsGapRow(series.Values.AsSpan(t * MetricCatalog.Count, MetricCatalog.Count)) ? 1 : 0);
            }

            _gapPrefix[s] = prefix;
        }
    }

    public FleetDataset Dataset => _dataset;

    /// <summary>True when any step of [first, first + count) of the server is a gap.</summary>
    public bool HasGap(int serverIndex, int first, int count)
    {
        var prefix = _gapPrefix[serverIndex];
        return prefix[first + count] - prefix[first] > 0;
    }

    /// <summary>Windows whose look-back and horizon lie entirely inside <paramref name="range"/> (default: all
    /// steps), origins every <paramref name="stride"/> steps, ordered by origin then server.</summary>
    /// <param name="skipGaps">Leave out windows with a gap anywhere in the look-back or horizon.</param>
    public IEnumerable<DatasetWindow> Enumerate(int lookback, int horizon, int stride, StepRange? range = null, bool skipGaps = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lookback);
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        var bounds = range ?? new StepRange(0, _dataset.Steps);
        if (bounds.End > _dataset.Steps)
        {
            throw new ArgumentOutOfRangeException(nameof(range), bounds, $"range ends after the dataset's {_dataset.Steps} steps.");
        }

        return EnumerateCore(lookback, horizon, stride, bounds, skipGaps);
    }

    private IEnumerable<DatasetWindow> EnumerateCore(int lookback, int horizon, int stride, StepRange bounds, bool skipGaps)
    {
        for (var origin = bounds.Start + lookback - 1; origin + horizon < bounds.End; origin += stride)
        {
            var first = origin - lookback + 1;
            for (var s = 0; s < _dataset.Servers.Count; s++)
            {
                if (!skipGaps || !HasGap(s, first, lookback + horizon))
                {
                    yield return new DatasetWindow(s, origin);
                }
            }
        }
    }

    /// <summary>Copies rows [first, first + count) of a server (row-major, 14 columns) into <paramref name="destination"/>.</summary>
    public void CopyRows(int serverIndex, int first, int count, Span<float> destination)
    {
        var values = _dataset.Servers[serverIndex].Values;
        values.AsSpan(first * MetricCatalog.Count, count * MetricCatalog.Count).CopyTo(destination);
    }

    /// <summary>The look-back ending at <paramref name="origin"/> as a forecaster input, forward-filled;
    /// null when the server reported nothing at all in it.</summary>
    public ServerWindow? ToServerWindow(int serverIndex, int origin, int lookback)
    {
        var series = _dataset.Servers[serverIndex];
        var first = origin - lookback + 1;
        if (first < 0 || origin >= series.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(origin), origin, $"a look-back of {lookback} steps ending at {origin} does not fit the dataset.");
        }

        var values = new float[lookback * MetricCatalog.Count];
        CopyRows(serverIndex, first, lookback, values);
        var observed = ForwardFill(values);
        if (!observed.Contains(true))
        {
            return null;
        }

        return new ServerWindow(series.Server, series.Profile, _dataset.TimeOf(origin), _dataset.StepSeconds, values, observed);
    }

    /// <summary>Fills non-finite values of row-major [step, metric] data in place with the last finite value
    /// of the same metric; leading gaps take the first finite value; a metric with none becomes 0.
    /// Returns, per metric, whether it had any finite value.</summary>
    public static bool[] ForwardFill(Span<float> rows)
    {
        if (rows.Length % MetricCatalog.Count != 0)
        {
            throw new ArgumentException($"rows must hold whole rows of {MetricCatalog.Count} metrics.", nameof(rows));
        }

        var steps = rows.Length / MetricCatalog.Count;
        var observed = new bool[MetricCatalog.Count];
        for (var m = 0; m < MetricCatalog.Count; m++)
        {
            var last = float.NaN;
            var leading = 0;
            for (var t = 0; t < steps; t++)
            {
                ref var v = ref rows[(t * MetricCatalog.Count) + m];
                if (float.IsFinite(v))
                {
                    last = v;
                }
                else if (float.IsNaN(last))
                {
                    leading++;
                }
                else
                {
                    v = last;
                }
            }

            observed[m] = !float.IsNaN(last);
            var fill = observed[m] ? FirstFinite(rows, m, leading) : 0f;
            for (var t = 0; t < leading; t++)
            {
                rows[(t * MetricCatalog.Count) + m] = fill;
            }
        }

        return observed;
    }

    private static float FirstFinite(Span<float> rows, int metric, int index) => rows[(index * MetricCatalog.Count) + metric];

    private static bool IsGapRow(ReadOnlySpan<float> row)
    {
        foreach (var v in row)
        {
            if (!float.IsFinite(v))
            {
                return true;
            }
        }

        return false;
    }
}
