using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Samples;
using FleetCast.Core.Windows;

namespace FleetCast.Server.Windows;

/// <summary>One server's ring of aligned steps. Each slot accumulates the samples of one step: running mean
/// for gauges, the value with the newest timestamp for counters (last). Seconds already
/// applied in a step are remembered so a re-sent sample is not counted twice. Not thread-safe: the
/// owning <see cref="WindowStore"/> serialises access.</summary>
internal sealed class ServerRing
{
    private const int Columns = MetricCatalog.Count;
    private static readonly bool[] IsCounter = MetricCatalog.All.Select(d => d.Kind == MetricKind.Counter).ToArray();

    // Column of each counter metric in _lastSecond, or -1 for gauges.
    private static readonly int CounterCount = IsCounter.Count(isCounter => isCounter);
    private static readonly int[] CounterColumn = BuildCounterColumns();

    private readonly int _stepSeconds;
    private readonly int _steps;
    private readonly int _seenWords;
    private readonly long[] _stepIndex;
    private readonly int[] _slotSamples;
    private readonly double[] _values;
    private readonly int[] _counts;
    private readonly long[] _lastSecond;
    private readonly ulong[] _seen;
    private long _newestStep = long.MinValue;

    public ServerRing(string server, ServerProfile profile, int stepSeconds, int steps)
    {
        Server = server;
        Profile = profile;
        _stepSeconds = stepSeconds;
        _steps = steps;
        _seenWords = (stepSeconds + 63) / 64;
        _stepIndex = new long[steps];
        Array.Fill(_stepIndex, long.MinValue);
        _slotSamples = new int[steps];
        _values = new double[steps * Columns];
        _counts = new int[steps * Columns];
        _lastSecond = new long[steps * CounterCount];
        _seen = new ulong[steps * _seenWords];
    }

    public string Server { get; }

    public ServerProfile Profile { get; set; }

    public DateTimeOffset LastSeen { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>Steps with real samples among the last <c>steps</c> ending at the newest step seen.</summary>
    public int FilledSteps { get; private set; }

    /// <summary>Adds one sample; false when it is older than the window or a second already applied.</summary>
    public bool Apply(MetricSample sample)
    {
        var second = sample.Timestamp.ToUnixTimeSeconds();
        var step = Math.DivRem(second, _stepSeconds, out var offset);
        if (offset < 0)
        {
            step--;
            offset += _stepSeconds;
        }

        if (_newestStep != long.MinValue && step <= _newestStep - _steps)
        {
            return false;
        }

        var slot = SlotOf(step);
        if (_stepIndex[slot] != step)
        {
            ResetSlot(slot, step);
        }

        var seenIndex = (slot * _seenWords) + (int)(offset / 64);
        var bit = 1UL << (int)(offset % 64);
        if ((_seen[seenIndex] & bit) != 0)
        {
            return false;
        }

        _seen[seenIndex] |= bit;
        var wasFilled = HasData(slot);
        var baseIndex = slot * Columns;
        var applied = 0;
        for (var m = 0; m < Columns; m++)
        {
            var value = sample.Values[m];
            if (double.IsNaN(value))
            {
                continue;
            }

            var i = baseIndex + m;
            var count = ++_counts[i];
            applied++;
            if (!IsCounter[m])
            {
                // Running mean, so a capture copies values without dividing.
                _values[i] += (value - _values[i]) / count;
                continue;
            }

            var c = (slot * CounterCount) + CounterColumn[m];
            if (count == 1 || second >= _lastSecond[c])
            {
                _values[i] = value;
                _lastSecond[c] = second;
            }
        }

        _slotSamples[slot] += applied > 0 ? 1 : 0;

        if (sample.Profile is { } profile)
        {
            Profile = profile;
        }

        if (sample.Timestamp > LastSeen)
        {
            LastSeen = sample.Timestamp;
        }

        if (step > _newestStep)
        {
            _newestStep = step;
            FilledSteps = CountFilled(_newestStep);
        }
        else if (!wasFilled && HasData(slot))
        {
            FilledSteps++;
        }

        return true;
    }

    /// <summary>A copy of the window ending at step <paramref name="endStep"/>, starting at the first step
    /// with a real sample; gaps are forward-filled, a metric's leading steps take its first value.</summary>
    public WindowView Capture(long endStep)
    {
        var firstStep = long.MaxValue;
        var filled = 0;
        for (var step = endStep - _steps + 1; step <= endStep; step++)
        {
            var slot = SlotOf(step);
            if (_stepIndex[slot] == step && HasData(slot))
            {
                filled++;
                firstStep = Math.Min(firstStep, step);
            }
        }

        var observed = new bool[Columns];
        var lastStepTime = DateTimeOffset.FromUnixTimeSeconds(endStep * _stepSeconds);
        if (filled == 0)
        {
            var empty = new ServerWindow(Server, Profile, lastStepTime, _stepSeconds, [], observed);
            return new WindowView(Server, Profile, empty, LastSeen, 0);
        }

        var length = (int)(endStep - firstStep + 1);
        var values = new float[length * Columns];
        Span<float> carry = stackalloc float[Columns];
        var slotOfRow = SlotOf(firstStep);
        for (var t = 0; t < length; t++, slotOfRow = slotOfRow + 1 == _steps ? 0 : slotOfRow + 1)
        {
            var row = t * Columns;
            if (_stepIndex[slotOfRow] == firstStep + t && HasData(slotOfRow))
            {
                var baseIndex = slotOfRow * Columns;
                for (var m = 0; m < Columns; m++)
                {
                    if (_counts[baseIndex + m] == 0)
                    {
                        continue;
                    }

                    carry[m] = (float)_values[baseIndex + m];
                    if (!observed[m])
                    {
                        // First sight of this metric: its earlier steps take this value (back-fill).
                        observed[m] = true;
                        for (var back = 0; back < t; back++)
                        {
                            values[(back * Columns) + m] = carry[m];
                        }
                    }
                }
            }

            carry.CopyTo(values.AsSpan(row, Columns));
        }

        var window = new ServerWindow(Server, Profile, lastStepTime, _stepSeconds, values, observed);
        return new WindowView(Server, Profile, window, LastSeen, filled);
    }

    private int SlotOf(long step)
    {
        var slot = (int)(step % _steps);
        return slot < 0 ? slot + _steps : slot;
    }

    private bool HasData(int slot) => _slotSamples[slot] > 0;

    private void ResetSlot(int slot, long step)
    {
        _stepIndex[slot] = step;
        _slotSamples[slot] = 0;
        Array.Clear(_values, slot * Columns, Columns);
        Array.Clear(_counts, slot * Columns, Columns);
        Array.Clear(_lastSecond, slot * CounterCount, CounterCount);
        Array.Clear(_seen, slot * _seenWords, _seenWords);
    }

    private static int[] BuildCounterColumns()
    {
        var columns = new int[Columns];
        var count = 0;
        for (var m = 0; m < Columns; m++)
        {
            columns[m] = IsCounter[m] ? count++ : -1;
        }

        return columns;
    }

    private int CountFilled(long newestStep)
    {
        var filled = 0;
        for (var slot = 0; slot < _steps; slot++)
        {
            if (_stepIndex[slot] > newestStep - _steps && _stepIndex[slot] <= newestStep && HasData(slot))
            {
                filled++;
            }
        }

        return filled;
    }
}
