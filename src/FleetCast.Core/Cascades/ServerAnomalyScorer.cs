using FleetCast.Core.Metrics;
using FleetCast.Core.Windows;

namespace FleetCast.Core.Cascades;

/// <summary>One server's rolling per-metric baseline (the last <see cref="AnomalyOptions.BaselineSteps"/>
/// values of each metric) and the robust score of its newest values against it. Values far from the
/// median enter the baseline clipped (<see cref="AnomalyOptions.ClipScales"/>). Not thread-safe.</summary>
public sealed class ServerAnomalyScorer
{
    private const int Columns = MetricCatalog.Count;
    private const double MadToSigma = 1.4826;

    private readonly AnomalyOptions _options;
    private readonly float[] _ring;
    private int _count;
    private int _next;
    private DateTimeOffset _lastStep = DateTimeOffset.MinValue;

    public ServerAnomalyScorer(AnomalyOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _ring = new float[options.BaselineSteps * Columns];
    }

    /// <summary>Values per metric in the baseline.</summary>
    public int BaselineCount => _count;

    /// <summary>Scores the newest step of <paramref name="window"/> and adds it to the baseline, once per step
    /// time (observing the same step again only scores it). The first observation seeds the baseline with the
    /// window's earlier steps, so a restarted server is scored at once from its stored history.</summary>
    public AnomalyScore Observe(ServerWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.Length == 0)
        {
            return AnomalyScore.None;
        }

        var values = window.Values.AsSpan();
        if (_count == 0 && _lastStep == DateTimeOffset.MinValue)
        {
            Seed(values, window.Length - 1);
        }

        var latest = values.Slice((window.Length - 1) * Columns, Columns);
        Span<float> clipped = stackalloc float[Columns];
        var score = Score(latest, window.Observed, clipped);
        if (window.LastStepTime > _lastStep)
        {
            Push(clipped);
            _lastStep = window.LastStepTime;
        }

        return score;
    }

    private void Seed(ReadOnlySpan<float> values, int rows)
    {
        var first = Math.Max(0, rows - _options.BaselineSteps);
        for (var row = first; row < rows; row++)
        {
            Push(values.Slice(row * Columns, Columns));
        }
    }

    /// <summary>The score of <paramref name="latest"/>; <paramref name="clipped"/> receives the values to add to
    /// the baseline (each clipped to median ± ClipScales·scale once the baseline is long enough).</summary>
    private AnomalyScore Score(ReadOnlySpan<float> latest, bool[] observed, Span<float> clipped)
    {
        latest.CopyTo(clipped);
        if (_count < _options.MinBaselineSteps)
        {
            return AnomalyScore.None;
        }

        Span<float> buffer = stackalloc float[_count];
        var best = AnomalyScore.None;
        for (var m = 0; m < Columns; m++)
        {
            var metric = (Metric)m;
            if (!observed[m] || !AnomalyOptions.IsScored(metric) || !float.IsFinite(latest[m]))
            {
                continue;
            }

            var (median, scale) = MedianAndScale(m, buffer);
            var floor = AnomalyOptions.AbsoluteFloor(metric) + (_options.RelativeFloor * Math.Abs(median));
            var spread = scale + floor;
            var score = Math.Abs(latest[m] - median) / spread;
            var limit = _options.ClipScales * spread;
            clipped[m] = (float)Math.Clamp(latest[m], median - limit, median + limit);
            if (score > best.Score)
            {
                best = new AnomalyScore(score, metric);
            }
        }

        return best;
    }

    /// <summary>Median and 1.4826·MAD of metric <paramref name="m"/> over the baseline.</summary>
    private (double Median, double Scale) MedianAndScale(int m, Span<float> buffer)
    {
        for (var i = 0; i < _count; i++)
        {
            buffer[i] = _ring[(i * Columns) + m];
        }

        buffer.Sort();
        var median = MedianOfSorted(buffer);
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = Math.Abs(buffer[i] - (float)median);
        }

        buffer.Sort();
        return (median, MadToSigma * MedianOfSorted(buffer));
    }

    private static double MedianOfSorted(ReadOnlySpan<float> sorted)
    {
        var half = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[half] : (sorted[half - 1] + (double)sorted[half]) / 2;
    }

    private void Push(ReadOnlySpan<float> row)
    {
        row.CopyTo(_ring.AsSpan(_next * Columns, Columns));
        _next = (_next + 1) % _options.BaselineSteps;
        _count = Math.Min(_count + 1, _options.BaselineSteps);
    }
}
