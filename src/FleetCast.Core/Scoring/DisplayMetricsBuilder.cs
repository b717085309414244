using FleetCast.Core.Forecasts;
using FleetCast.Core.Metrics;

namespace FleetCast.Core.Scoring;

/// <summary>Builds the eight display metrics {current, predicted, delta, unit, trend}.</summary>
public static class DisplayMetricsBuilder
{
    public const string Increasing = "increasing";
    public const string Decreasing = "decreasing";
    public const string Stable = "stable";

    /// <summary>A change smaller than this many percentage points reads as stable (for % metrics).</summary>
    public const double PercentDeadBand = 1.0;

    /// <summary>For other units, a change smaller than this share of the current value reads as stable…</summary>
    public const double RelativeDeadBand = 0.05;

    /// <summary>…and never smaller than this absolute amount (so values near zero do not flap).</summary>
    public const double MinimumDeadBand = 0.2;

    /// <returns>Keyed by display wire name (cpu, memory, iowait, swap, load, disk, net_in, net_out).</returns>
    /// <remarks>Current is null when the metric was never observed (NaN); predicted and delta are null
    /// then too, and when there is no forecast. Trend is "stable" whenever no change can be measured.</remarks>
    public static IReadOnlyDictionary<string, DisplayMetricValue> Build(ReadOnlySpan<double> current, ServerForecast? forecast, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        MetricVector.EnsureComplete(current, nameof(current));
        if (options.NearHorizonSteps < 1)
        {
            throw new ArgumentException($"options.NearHorizonSteps must be at least 1; got {options.NearHorizonSteps}.", nameof(options));
        }

        var medianIndex = forecast is null ? -1 : ForecastQuantiles.MedianIndex(forecast);
        var step = forecast is null ? -1 : Math.Min(options.NearHorizonSteps, forecast.HorizonSteps) - 1;
        var result = new Dictionary<string, DisplayMetricValue>(DisplayMetricCatalog.All.Count, StringComparer.Ordinal);

        foreach (var definition in DisplayMetricCatalog.All)
        {
            var raw = current[(int)definition.Source];
            var currentValue = double.IsNaN(raw) ? (double?)null : Round(Shown(definition, raw));

            double? predicted = null;
            if (currentValue is not null && forecast is not null && step >= 0)
            {
                double p50 = forecast.Series(medianIndex, definition.Source)[step];
                if (!double.IsNaN(p50))
                {
                    predicted = Round(Shown(definition, p50));
                }
            }

            var delta = currentValue is { } c && predicted is { } p ? Round(p - c) : (double?)null;
            result[definition.WireName] = new DisplayMetricValue(currentValue, predicted, delta, definition.Unit, Trend(definition.Unit, currentValue, delta));
        }

        return result;
    }

    internal static string Trend(string unit, double? current, double? delta)
    {
        if (current is not { } c || delta is not { } d)
        {
            return Stable;
        }

        var deadBand = unit == "%" ? PercentDeadBand : Math.Max(MinimumDeadBand, RelativeDeadBand * Math.Abs(c));
        if (Math.Abs(d) < deadBand)
        {
            return Stable;
        }

        return d > 0 ? Increasing : Decreasing;
    }

    private static double Shown(DisplayMetricCatalog.Definition definition, double value)
    {
        var shown = definition.InvertFromIdle ? 100 - value : value;
        var range = MetricCatalog.Get(definition.Source);
        var upper = definition.InvertFromIdle ? 100 : range.Max ?? double.PositiveInfinity;
        return Math.Clamp(shown, range.Min, upper);
    }

    private static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
