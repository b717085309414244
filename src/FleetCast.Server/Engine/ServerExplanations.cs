using System.Collections.Concurrent;
using FleetCast.Core.Metrics;
using FleetCast.Core.Scoring;
using FleetCast.Core.Thresholds;
using FleetCast.Forecasting.Tft;
using FleetCast.Server.Options;
using Microsoft.Extensions.Options;

namespace FleetCast.Server.Engine;

/// <summary>Explains one server's TFT forecast on request from the model itself (variable selection
/// weights, attention, and counterfactuals rescored with <see cref="RiskScorer"/>), cached per
/// snapshot version per server.</summary>
public sealed class ServerExplanations
{
    /// <summary>Counterfactuals are made for at most this many of the server's top risk factors.</summary>
    public const int MaxCounterfactuals = 3;

    /// <summary>Percent metrics are shifted down by this many points.</summary>
    public const double PercentShift = 20;

    /// <summary>Other metrics are shifted down by this share of their current value.</summary>
    public const double RelativeShift = 0.3;

    private readonly ConcurrentDictionary<string, ServerExplanation> _cache = new(StringComparer.Ordinal);
    private readonly ThresholdTable _thresholds;
    private readonly ScoringOptions _scoring;
    private readonly int _threads;

    public ServerExplanations(ThresholdTable thresholds, ScoringOptions scoring, IOptions<FleetCastOptions> options)
    {
        _thresholds = thresholds;
        _scoring = scoring;
        _threads = Math.Max(1, options.Value.Forecast.Threads);
    }

    /// <summary>The explanation of <paramref name="detail"/> at snapshot <paramref name="version"/>, computed once per version.</summary>
    public ServerExplanation Explain(TftForecaster forecaster, ServerDetail detail, long version)
    {
        ArgumentNullException.ThrowIfNull(forecaster);
        ArgumentNullException.ThrowIfNull(detail);
        var name = detail.Row.Name;
        if (_cache.TryGetValue(name, out var cached) && cached.Version == version && ReferenceEquals(cached.Model, forecaster.Model))
        {
            return cached;
        }

        var explanation = Compute(forecaster.Model, detail, version);
        _cache[name] = explanation;
        return explanation;
    }

    private ServerExplanation Compute(TftModel model, ServerDetail detail, long version)
    {
        var window = detail.Window;
        var explainer = new TftExplainer(model, _threads);
        var explanation = explainer.Explain(window);
        var profile = detail.Row.Profile;
        var baseScore = RiskScorer.Score(profile, window.Latest(), explanation.Forecast, _thresholds, _scoring).Score;

        var counterfactuals = new List<CounterfactualResult>();
        foreach (var wireName in detail.Row.Factors.Select(f => f.Metric).Distinct(StringComparer.Ordinal).Take(MaxCounterfactuals))
        {
            if (!MetricCatalog.TryGet(wireName, out var definition))
            {
                continue;
            }

            var current = window.Latest()[definition.Index];
            if (double.IsNaN(current))
            {
                continue;
            }

            var shift = definition.Max is 100 ? -PercentShift : -Math.Round(RelativeShift * Math.Abs(current), 2);
            if (shift == 0)
            {
                continue;
            }

            var result = explainer.Counterfactual(window, new CounterfactualEdit(definition.Id, shift));
            var editedWindowLatest = window.Latest();
            editedWindowLatest[definition.Index] = Math.Clamp(current + shift, definition.Min, definition.Max ?? double.MaxValue);
            var before = RiskScorer.Score(profile, window.Latest(), result.Original, _thresholds, _scoring).Score;
            var after = RiskScorer.Score(profile, editedWindowLatest, result.Edited, _thresholds, _scoring).Score;
            counterfactuals.Add(new CounterfactualResult(
                definition.WireName, shift, definition.Unit, result.Edit.Describe(), before, after, Sentence(definition, shift, before, after, model.Config.LookbackSteps, window.StepSeconds)));
        }

        return new ServerExplanation(
            model,
            version,
            detail.Row.Name,
            baseScore,
            explanation.StaticImportance,
            explanation.EncoderImportance,
            explanation.DecoderImportance,
            explanation.LookbackAttention,
            explanation.HorizonAttentionShare,
            counterfactuals);
    }

    private static string Sentence(MetricDefinition definition, double shift, double before, double after, int lookbackSteps, int stepSeconds)
    {
        var amount = definition.Max is 100 ? $"{Math.Abs(shift):0.##} points" : $"{Math.Abs(shift):0.##} {definition.Unit}".TrimEnd();
        var hours = lookbackSteps * stepSeconds / 3600.0;
        var change = after < before - 0.005 ? $"fall from {before:0} to {after:0}"
            : after > before + 0.005 ? $"rise from {before:0} to {after:0}"
            : $"stay at {before:0}";
        return $"If {definition.WireName} had been {amount} lower over the last {hours:0.#} hours, risk would {change}.";
    }
}

/// <summary>A model-derived explanation of one server's forecast at one snapshot version.</summary>
public sealed record ServerExplanation(
    TftModel Model,
    long Version,
    string Server,
    double RiskScore,
    IReadOnlyList<FeatureImportance> StaticImportance,
    IReadOnlyList<FeatureImportance> EncoderImportance,
    IReadOnlyList<FeatureImportance> DecoderImportance,
    IReadOnlyList<double> LookbackAttention,
    double HorizonAttentionShare,
    IReadOnlyList<CounterfactualResult> Counterfactuals);

/// <summary>"If <see cref="Metric"/> were lower by |<see cref="Shift"/>|, risk would go from <see cref="RiskBefore"/> to <see cref="RiskAfter"/>."</summary>
public sealed record CounterfactualResult(string Metric, double Shift, string Unit, string Edit, double RiskBefore, double RiskAfter, string Text);
