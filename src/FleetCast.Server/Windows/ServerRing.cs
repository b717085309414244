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

    // The last capture's rows and the smallest and largest step changed since (none: MaxValue/MinValue),
    // so the next capture can reuse the rows that did not change.
    private PreviousCapture? _previous;
    private long _dirtyFrom = long.MaxValue;
    private long _dirtyTo = long.MinValue;

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

    /// <summary>Adds one sample unless it is older than the window or its second was already applied
    /// (then the caller may re-read the step with <see cref="ReplaceStep"/>).</summary>
    public RingApplyOutcome Apply(MetricSample sample)
    {
        var second = sample.Timestamp.ToUnixTimeSeconds();
        var step = StepOf(second, out var offset);
        if (_newestStep != long.MinValue && step <= _newestStep - _steps)
        {
            return RingApplyOutcome.TooOld;
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
            return RingApplyOutcome.Duplicate;
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

        MarkDirty(step);
        return RingApplyOutcome.Applied;
    }

    /// <summary>The step that contains <paramref name="second"/> (unix seconds) and the offset inside it.</summary>
    public long StepOf(long second, out long offset)
    {
        var step = Math.DivRem(second, _stepSeconds, out offset);
        if (offset < 0)
        {
            step--;
            offset += _stepSeconds;
        }

        return step;
    }

    /// <summary>Rebuilds one step from every sample stored for it (the stored version of a re-sent second
    /// wins, as in the sample store). Steps older than the window are ignored.</summary>
    public void ReplaceStep(long step, IReadOnlyList<MetricSample> stored)
    {
        if (_newestStep != long.MinValue && step <= _newestStep - _steps)
        {
            return;
        }

        var slot = SlotOf(step);
        if (_stepIndex[slot] == step && HasData(slot))
        {
            FilledSteps--;
        }

        ResetSlot(slot, step);
        MarkDirty(step);
        foreach (var sample in stored)
        {
            Apply(sample);
        }
    }

    /// <summary>A copy of the window ending at step <paramref name="endStep"/>, starting at the first step
    /// with a real sample; gaps are forward-filled, a metric's leading steps take its first value.</summary>
    /// <remarks>When nothing at or before the previous capture's end has changed since, the previous copy's
    /// rows are reused (one block copy) and only the new steps are converted; the result is identical to a
    /// full rebuild, which runs whenever that cannot be guaranteed.</remarks>
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

        var lastStepTime = DateTimeOffset.FromUnixTimeSeconds(endStep * _stepSeconds);
        if (filled == 0)
        {
            _previous = null;
            var empty = new ServerWindow(Server, Profile, lastStepTime, _stepSeconds, [], new bool[Columns]);
            return new WindowView(Server, Profile, empty, LastSeen, 0);
        }

        var length = (int)(endStep - firstStep + 1);
        // Every element is written below (rows are copied or converted whole), so skip the zeroing.
        var values = GC.AllocateUninitializedArray<float>(length * Columns);
        var observed = new bool[Columns];
        if (!TryExtendPrevious(firstStep, endStep, values, observed))
        {
            Array.Clear(observed);
            CopyRows(firstStep, length, values, observed);
        }

        _previous = new PreviousCapture(firstStep, endStep, values, (bool[])observed.Clone());
        _dirtyFrom = long.MaxValue;
        _dirtyTo = long.MinValue;
        var window = new ServerWindow(Server, Profile, lastStepTime, _stepSeconds, values, observed);
        return new WindowView(Server, Profile, window, LastSeen, filled);
    }

    /// <summary>Full conversion of rows [firstStep, firstStep + length) from the slots.</summary>
    private void CopyRows(long firstStep, int length, float[] values, bool[] observed)
    {
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
    }

    /// <summary>Builds the window from the previous capture plus the steps after it, when that gives exactly
    /// what <see cref="CopyRows"/> would: no step up to the previous end changed, every metric seen before
    /// has a value at the new first step (so no carried value came from a dropped step), and no metric is
    /// seen for the first time in the new steps (that would back-fill the old rows).</summary>
    private bool TryExtendPrevious(long firstStep, long endStep, float[] values, bool[] observed)
    {
        // A step s written since then also reused the slot of step s − steps, so that step must be older than the kept rows.
        if (_previous is not { } previous || _dirtyFrom <= previous.EndStep || (_dirtyTo != long.MinValue && _dirtyTo - _steps >= firstStep)
            || endStep < previous.EndStep || firstStep < previous.FirstStep || firstStep > previous.EndStep)
        {
            return false;
        }

        var firstSlot = SlotOf(firstStep);
        if (firstStep > previous.FirstStep)
        {
            for (var m = 0; m < Columns; m++)
            {
                if (previous.Observed[m] && _counts[(firstSlot * Columns) + m] == 0)
                {
                    return false;
                }
            }
        }

        previous.Observed.CopyTo(observed, 0);
        var keptRows = (int)(previous.EndStep - firstStep + 1);
        var skippedRows = (int)(firstStep - previous.FirstStep);
        Array.Copy(previous.Values, skippedRows * Columns, values, 0, keptRows * Columns);

        Span<float> carry = stackalloc float[Columns];
        values.AsSpan((keptRows - 1) * Columns, Columns).CopyTo(carry);
        for (var step = previous.EndStep + 1; step <= endStep; step++)
        {
            var slot = SlotOf(step);
            if (_stepIndex[slot] == step && HasData(slot))
            {
                var baseIndex = slot * Columns;
                for (var m = 0; m < Columns; m++)
                {
                    if (_counts[baseIndex + m] == 0)
                    {
                        continue;
                    }

                    if (!observed[m])
                    {
                        return false;
                    }

                    carry[m] = (float)_values[baseIndex + m];
                }
            }

            carry.CopyTo(values.AsSpan((int)(step - firstStep) * Columns, Columns));
        }

        return true;
    }

    private void MarkDirty(long step)
    {
        _dirtyFrom = Math.Min(_dirtyFrom, step);
        _dirtyTo = Math.Max(_dirtyTo, step);
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

    private sealed record PreviousCapture(long FirstStep, long EndStep, float[] Values, bool[] Observed);
}

/// <summary>What <see cref="ServerRing.Apply"/> did with a sample.</summary>
internal enum RingApplyOutcome
{
    Applied,
    TooOld,
    Duplicate,
}
