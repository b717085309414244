using FleetCast.Core.Forecasts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Windows;
using FleetCast.Forecasting.Data;
using FleetCast.Forecasting.Tft.Modules;
using FleetCast.Forecasting.Tft.Training;
using TorchSharp;

namespace FleetCast.Forecasting.Tft;

/// <summary>Runs a model on server windows: builds the batch, runs the network without gradients in
/// eval mode inside one dispose scope, applies the model's quantile calibration, denormalises and clamps
/// to the metric ranges.</summary>
internal static class TftInference
{
    public const string ForecasterName = ForecasterCatalog.Tft;

    private static readonly float[] Minimum = MetricCatalog.All.Select(d => (float)d.Min).ToArray();
    private static readonly float[] Maximum = MetricCatalog.All.Select(d => d.Max is { } max ? (float)max : float.PositiveInfinity).ToArray();

    /// <summary>Host copies of one forward pass (row-major, same shapes as <see cref="TftOutputs"/>).</summary>
    public sealed record Result(TftBatch Batch, float[] Quantiles, float[] StaticWeights, float[] EncoderWeights, float[] DecoderWeights, float[] Attention);

    public static Result Run(TftModel model, IReadOnlyList<ServerWindow> windows, int start, int count, bool withInterpretation)
    {
        var config = model.Config;
        var batch = new TftBatch(count, config.LookbackSteps, config.HorizonSteps, config.SeasonSteps, withTargets: false);
        for (var b = 0; b < count; b++)
        {
            var window = windows[start + b];
            Validate(model, window);
            var rows = LookbackRows(window, config.HistorySteps);
            batch.SetInputs(b, rows, window.Profile, window.TimeOf(window.Length - config.LookbackSteps), window.StepSeconds);
        }

        lock (model.Gate)
        {
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            model.Network.eval();
            var outputs = model.Network.forward(batch.ToInputs());
            return new Result(
                batch,
                ToArray(outputs.Quantiles),
                withInterpretation ? ToArray(outputs.StaticWeights) : [],
                withInterpretation ? ToArray(outputs.EncoderWeights) : [],
                withInterpretation ? ToArray(outputs.DecoderWeights) : [],
                withInterpretation ? ToArray(outputs.Attention) : []);
        }
    }

    /// <summary>Denormalised, clamped forecast of sample <paramref name="index"/> of a result.</summary>
    public static ServerForecast ToForecast(TftModel model, Result result, int index, ServerWindow window, int horizonSteps)
    {
        const int metrics = MetricCatalog.Count;
        var config = model.Config;
        var quantiles = config.Quantiles;
        var q = quantiles.Length;
        var values = new float[q * metrics * horizonSteps];
        var mean = result.Batch.Mean.AsSpan(index * metrics, metrics);
        var std = result.Batch.Std.AsSpan(index * metrics, metrics);
        var sample = result.Quantiles.AsSpan(index * config.HorizonSteps * metrics * q, config.HorizonSteps * metrics * q); // [T, M, Q]
        var calibration = model.Manifest.Calibration;
        Span<ForecastRegime> regimes = stackalloc ForecastRegime[metrics];
        Span<float> newest = stackalloc float[metrics];
        newest.Fill(float.NaN);
        if (calibration?.CriticalOffsets is not null)
        {
            CriticalRegime.Classify(window.Profile, window.Values, window.Length, config.LookbackSteps, regimes);
            for (var m = 0; m < metrics; m++)
            {
                newest[m] = regimes[m] == ForecastRegime.SustainedCritical ? NewestNormalised(window, m, mean[m], std[m]) : float.NaN;
            }
        }

        Span<float> normalised = stackalloc float[q];
        for (var s = 0; s < horizonSteps; s++)
        {
            for (var m = 0; m < metrics; m++)
            {
                sample.Slice(((s * metrics) + m) * q, q).CopyTo(normalised);
                if (calibration is not null)
                {
                    QuantileCalibrator.Apply(calibration, normalised, m, s, config.HorizonSteps, regimes[m], newest[m]);
                }

                for (var k = 0; k < q; k++)
                {
                    // A metric the server never reported (a source that cannot give it) is forecast as missing:
                    // the network only saw the zeros that stand in for it.
                    var value = (normalised[k] * std[m]) + mean[m];
                    values[(((k * metrics) + m) * horizonSteps) + s] = window.Observed[m] ? Math.Clamp(value, Minimum[m], Maximum[m]) : float.NaN;
                }
            }
        }

        var forecast = new ServerForecast(window.Server, ForecasterName, window.LastStepTime, window.StepSeconds, (double[])quantiles.Clone(), horizonSteps, values);
        CounterProjection.Apply(window, forecast);
        return forecast;
    }

    /// <summary>The newest reported value of metric <paramref name="m"/> in the window, normalised; NaN when none.</summary>
    private static float NewestNormalised(ServerWindow window, int m, float mean, float std)
    {
        for (var t = window.Length - 1; t >= 0; t--)
        {
            var value = window.Values[(t * MetricCatalog.Count) + m];
            if (float.IsFinite(value))
            {
                return std > 0 ? (value - mean) / std : float.NaN;
            }
        }

        return float.NaN;
    }

    /// <summary>The last <paramref name="lookback"/> rows of a window, with any NaN replaced by the previous value (or the next
    /// one at the start, or 0 when the metric has none).</summary>
    public static float[] LookbackRows(ServerWindow window, int lookback)
    {
        const int metrics = MetricCatalog.Count;
        var rows = window.Values.AsSpan((window.Length - lookback) * metrics, lookback * metrics).ToArray();
        for (var m = 0; m < metrics; m++)
        {
            var last = float.NaN;
            for (var t = 0; t < lookback; t++)
            {
                ref var value = ref rows[(t * metrics) + m];
                if (float.IsNaN(value) || float.IsInfinity(value))
                {
                    value = last;
                }
                else
                {
                    last = value;
                }
            }

            var next = float.IsNaN(last) ? 0f : float.NaN;
            for (var t = lookback - 1; t >= 0; t--)
            {
                ref var value = ref rows[(t * metrics) + m];
                if (float.IsNaN(value))
                {
                    value = float.IsNaN(next) ? 0f : next;
                }
                else
                {
                    next = value;
                }
            }
        }

        return rows;
    }

    private static void Validate(TftModel model, ServerWindow window)
    {
        if (window.Length < model.Config.HistorySteps)
        {
            throw new ArgumentException(
                $"Window of server '{window.Server}' has {window.Length} steps; the TFT needs {model.Config.HistorySteps} (look-back and one season).", nameof(window));
        }

        if (window.StepSeconds != model.StepSeconds)
        {
            throw new ArgumentException(
                $"Window of server '{window.Server}' is on {window.StepSeconds}-second steps; the model was trained on {model.StepSeconds}.", nameof(window));
        }
    }

    private static float[] ToArray(torch.Tensor tensor) => tensor.contiguous().data<float>().ToArray();
}
