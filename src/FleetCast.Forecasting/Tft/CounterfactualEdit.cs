using FleetCast.Core.Metrics;

namespace FleetCast.Forecasting.Tft;

/// <summary>An edit of one metric's history: add <paramref name="Shift"/> (in the metric's unit) over
/// the last <paramref name="LastSteps"/> steps of the look-back (all of it when null). Edited values
/// are clamped to the metric's valid range.</summary>
public sealed record CounterfactualEdit(Metric Metric, double Shift, int? LastSteps = null)
{
    public string Describe()
    {
        var definition = MetricCatalog.Get(Metric);
        var span = LastSteps is { } steps ? $"over the last {steps} steps" : "over the look-back";
        return $"{definition.WireName} {(Shift >= 0 ? "+" : "")}{Shift:0.##} {definition.Unit} {span}".Replace("  ", " ", StringComparison.Ordinal);
    }
}

/// <summary>The forecast before and after a <see cref="CounterfactualEdit"/>, for the caller to rescore.</summary>
public sealed record TftCounterfactual(CounterfactualEdit Edit, Core.Forecasts.ServerForecast Original, Core.Forecasts.ServerForecast Edited);
