using FleetCast.Core.Metrics;
using FleetCast.Core.Windows;
using TorchSharp;

namespace FleetCast.Forecasting.Tft;

/// <summary>Explains one server's TFT forecast from the model's variable selection and attention
/// weights, and answers "what if" by re-running the model on an edited history.</summary>
public sealed class TftExplainer
{
    private readonly TftModel _model;
    private readonly int _threads;

    public TftExplainer(TftModel model, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _model = model;
        _threads = threads;
    }

    public TftExplanation Explain(ServerWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        torch.set_num_threads(_threads);
        var config = _model.Config;
        var result = TftInference.Run(_model, [window], 0, 1, withInterpretation: true);
        var forecast = TftInference.ToForecast(_model, result, 0, window, config.HorizonSteps);

        var lookback = config.LookbackSteps;
        var horizon = config.HorizonSteps;
        var positions = lookback + horizon;
        var attention = new double[lookback];
        double total = 0;
        for (var s = 0; s < horizon; s++)
        {
            var row = result.Attention.AsSpan(s * positions, positions); // heads' mean attention of horizon step s
            for (var p = 0; p < lookback; p++)
            {
                attention[p] += row[p];
                total += row[p];
            }
        }

        var rows = horizon;
        for (var p = 0; p < lookback; p++)
        {
            attention[p] /= rows;
        }

        return new TftExplanation(
            window.Server,
            forecast,
            Importance(result.StaticWeights, 1, TftFeatures.StaticFeatures, sort: false),
            Importance(result.EncoderWeights, lookback, TftFeatures.EncoderFeatures, sort: true),
            Importance(result.DecoderWeights, horizon, TftFeatures.DecoderFeatures, sort: true),
            attention,
            Math.Max(0, 1 - (total / rows)));
    }

    public TftCounterfactual Counterfactual(ServerWindow window, CounterfactualEdit edit)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(edit);
        if (!double.IsFinite(edit.Shift))
        {
            throw new ArgumentException("Shift must be a finite number.", nameof(edit));
        }

        if (edit.LastSteps is < 1)
        {
            throw new ArgumentException($"LastSteps must be at least 1; got {edit.LastSteps}.", nameof(edit));
        }

        torch.set_num_threads(_threads);
        var edited = Apply(window, edit, _model.Config.LookbackSteps);
        var result = TftInference.Run(_model, [window, edited], 0, 2, withInterpretation: false);
        var horizon = _model.Config.HorizonSteps;
        return new TftCounterfactual(
            edit,
            TftInference.ToForecast(_model, result, 0, window, horizon),
            TftInference.ToForecast(_model, result, 1, edited, horizon));
    }

    private static ServerWindow Apply(ServerWindow window, CounterfactualEdit edit, int lookback)
    {
        var definition = MetricCatalog.Get(edit.Metric);
        var values = (float[])window.Values.Clone();
        var steps = Math.Min(edit.LastSteps ?? lookback, window.Length);
        for (var t = window.Length - steps; t < window.Length; t++)
        {
            ref var value = ref values[(t * MetricCatalog.Count) + definition.Index];
            var shifted = Math.Max(definition.Min, value + edit.Shift);
            value = (float)(definition.Max is { } max ? Math.Min(max, shifted) : shifted);
        }

        return new ServerWindow(window.Server, window.Profile, window.LastStepTime, window.StepSeconds, values, window.Observed);
    }

    private static IReadOnlyList<FeatureImportance> Importance(float[] weights, int steps, IReadOnlyList<string> names, bool sort)
    {
        var variables = names.Count;
        var sums = new double[variables];
        for (var t = 0; t < steps; t++)
        {
            for (var v = 0; v < variables; v++)
            {
                sums[v] += weights[(t * variables) + v];
            }
        }

        var importance = names.Select((name, v) => new FeatureImportance(name, sums[v] / steps));
        return sort ? importance.OrderByDescending(i => i.Weight).ToArray() : importance.ToArray();
    }
}
