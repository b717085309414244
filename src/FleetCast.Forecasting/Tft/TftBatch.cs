using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Forecasting.Tft.Modules;
using static TorchSharp.torch;

namespace FleetCast.Forecasting.Tft;

/// <summary>Host-side arrays of one batch, filled sample by sample, then turned into tensors. Keeps
/// each sample's normalisation so outputs can be denormalised.</summary>
internal sealed class TftBatch
{
    private const int Metrics = MetricCatalog.Count;
    private readonly int _lookback;
    private readonly int _horizon;
    private readonly long[] _profile;
    private readonly float[] _scale;
    private readonly float[] _observed;
    private readonly float[] _known;
    private readonly float[] _seasonal;
    private readonly int _season;
    private readonly float[]? _target;
    private readonly float[]? _targetMask;

    public TftBatch(int count, int lookback, int horizon, int season, bool withTargets)
    {
        Count = count;
        _lookback = lookback;
        _horizon = horizon;
        _season = season;
        _seasonal = new float[count * (lookback + horizon) * Metrics];
        _profile = new long[count];
        _scale = new float[count * TftFeatures.ScaleFeatureCount];
        _observed = new float[count * lookback * Metrics];
        _known = new float[count * (lookback + horizon) * TftFeatures.TimeFeatureCount];
        Mean = new float[count * Metrics];
        Std = new float[count * Metrics];
        if (withTargets)
        {
            _target = new float[count * horizon * Metrics];
            _targetMask = new float[count * horizon * Metrics];
        }
    }

    public int Count { get; }

    /// <summary>[B, 14] mean per sample over the history read (season and look-back).</summary>
    public float[] Mean { get; }

    /// <summary>[B, 14] floored standard deviation per sample over the same history.</summary>
    public float[] Std { get; }

    /// <summary>Fills sample <paramref name="index"/> from NaN-free history rows ([S + L, 14]: one
    /// season before the look-back, then the look-back); <paramref name="firstStepTime"/> is the time of
    /// the first look-back row.</summary>
    public void SetInputs(int index, ReadOnlySpan<float> historyRows, ServerProfile profile, DateTimeOffset firstStepTime, int stepSeconds)
    {
        var lookbackRows = historyRows.Slice(_season * Metrics, _lookback * Metrics);
        var mean = Mean.AsSpan(index * Metrics, Metrics);
        var std = Std.AsSpan(index * Metrics, Metrics);

        // Scaled by the whole history read (the season before the look-back, and the look-back), so a
        // server's daily episodes set its scale: yesterday's episode is then a moderate input and a
        // repeat of it a moderate target, instead of a clipped outlier against a quiet look-back.
        WindowScaler.Measure(historyRows, _season + _lookback, mean, std);
        WindowScaler.WriteScaleFeatures(mean, std, _scale.AsSpan(index * TftFeatures.ScaleFeatureCount, TftFeatures.ScaleFeatureCount));
        _profile[index] = (long)profile;

        var observed = _observed.AsSpan(index * _lookback * Metrics, _lookback * Metrics);
        for (var t = 0; t < _lookback; t++)
        {
            for (var m = 0; m < Metrics; m++)
            {
                var i = (t * Metrics) + m;
                observed[i] = Math.Clamp((lookbackRows[i] - mean[m]) / std[m], -WindowScaler.InputClip, WindowScaler.InputClip);
            }
        }

        var steps = _lookback + _horizon;

        // Position p (look-back or horizon) gets the values one season earlier: history row p.
        var seasonal = _seasonal.AsSpan(index * steps * Metrics, steps * Metrics);
        for (var p = 0; p < steps; p++)
        {
            for (var m = 0; m < Metrics; m++)
            {
                var i = (p * Metrics) + m;
                seasonal[i] = Math.Clamp((historyRows[i] - mean[m]) / std[m], -WindowScaler.InputClip, WindowScaler.InputClip);
            }
        }

        TimeFeatureEncoder.Write(firstStepTime, stepSeconds, steps, _known.AsSpan(index * steps * TftFeatures.TimeFeatureCount, steps * TftFeatures.TimeFeatureCount));
    }

    /// <summary>Sets the targets of sample <paramref name="index"/> from raw rows ([T, 14]); NaN marks a
    /// missing value that the loss ignores. Call after <see cref="SetInputs"/>.</summary>
    public void SetTargets(int index, ReadOnlySpan<float> targetRows)
    {
        if (_target is null || _targetMask is null)
        {
            throw new InvalidOperationException("This batch was created without targets.");
        }

        var mean = Mean.AsSpan(index * Metrics, Metrics);
        var std = Std.AsSpan(index * Metrics, Metrics);
        var target = _target.AsSpan(index * _horizon * Metrics, _horizon * Metrics);
        var mask = _targetMask.AsSpan(index * _horizon * Metrics, _horizon * Metrics);
        for (var t = 0; t < _horizon; t++)
        {
            for (var m = 0; m < Metrics; m++)
            {
                var i = (t * Metrics) + m;
                var value = targetRows[i];
                var valid = !float.IsNaN(value);
                target[i] = valid ? (value - mean[m]) / std[m] : 0f;
                mask[i] = valid ? 1f : 0f;
            }
        }
    }

    /// <summary>Multiplies the loss weight of every valid target of sample <paramref name="index"/> by
    /// <paramref name="weight"/>. Call after <see cref="SetTargets"/>.</summary>
    public void WeightTargets(int index, float weight)
    {
        if (_targetMask is null)
        {
            throw new InvalidOperationException("This batch was created without targets.");
        }

        foreach (ref var value in _targetMask.AsSpan(index * _horizon * Metrics, _horizon * Metrics))
        {
            value *= weight;
        }
    }

    public TftInputs ToInputs() => new(
        tensor(_profile, [Count]),
        tensor(_scale, [Count, TftFeatures.ScaleFeatureCount]),
        tensor(_observed, [Count, _lookback, Metrics]),
        tensor(_known, [Count, _lookback + _horizon, TftFeatures.TimeFeatureCount]),
        tensor(_seasonal, [Count, _lookback + _horizon, Metrics]));

    /// <summary>Normalised targets [B, T, 14] and their loss weights [B, T, 14] (0 where missing, else 1
    /// or the sample's weight).</summary>
    public (Tensor Target, Tensor Mask) ToTargets()
    {
        if (_target is null || _targetMask is null)
        {
            throw new InvalidOperationException("This batch was created without targets.");
        }

        return (tensor(_target, [Count, _horizon, Metrics]), tensor(_targetMask, [Count, _horizon, Metrics]));
    }
}
