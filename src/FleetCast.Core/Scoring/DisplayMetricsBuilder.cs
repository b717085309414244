using FleetCast.Core.Forecasts;

namespace FleetCast.Core.Scoring;

/// <summary>Builds the eight display metrics {current, predicted, delta, unit, trend}.</summary>
public static class DisplayMetricsBuilder
{
    /// <returns>Keyed by display wire name (cpu, memory, iowait, swap, load, disk, net_in, net_out).</returns>
    public static IReadOnlyDictionary<string, DisplayMetricValue> Build(ReadOnlySpan<double> current, ServerForecast? forecast, ScoringOptions options) =>
        throw new NotImplementedException("core-logic helper implements this");
}
