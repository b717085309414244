using FleetCast.Core.Metrics;
using FleetCast.Core.Windows;
using FleetCast.Forecasting.Tft;

namespace FleetCast.Forecasting.Live;

/// <summary>Bins the newest steps of every live window into the bins saved with the model
/// (<see cref="MetricInputStatistics"/>, 10 equal-width bins between the training's 0.5 % and 99.5 %
/// quantiles) and compares per metric with <see cref="PopulationStability.Index"/>.</summary>
public static class InputDriftMeter
{
    /// <param name="statistics">The model's saved training statistics (by metric wire name).</param>
    /// <param name="windows">Live servers' windows; each window's newest <paramref name="recentSteps"/> steps are used.</param>
    public static InputDriftReport Measure(IReadOnlyList<MetricInputStatistics> statistics, IReadOnlyList<ServerWindow> windows, int recentSteps)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(windows);
        if (recentSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(recentSteps), recentSteps, "recentSteps must be at least 1.");
        }

        var byMetric = statistics.ToDictionary(s => s.Metric, StringComparer.Ordinal);
        var results = new List<MetricDrift>(MetricCatalog.Count);
        foreach (var definition in MetricCatalog.All)
        {
            if (!byMetric.TryGetValue(definition.WireName, out var reference) || reference.BinFractions.Count == 0
                || reference.BinEdges.Count != reference.BinFractions.Count + 1)
            {
                results.Add(new MetricDrift(definition.WireName, null, "no-data", 0, null, null, [], [], []));
                continue;
            }

            var counts = new long[reference.BinFractions.Count];
            long total = 0;
            double sum = 0;
            foreach (var window in windows)
            {
                if (!window.Observed[(int)definition.Id])
                {
                    continue;
                }

                for (var t = Math.Max(0, window.Length - recentSteps); t < window.Length; t++)
                {
                    var value = window[t, definition.Id];
                    if (!float.IsFinite(value))
                    {
                        continue;
                    }

                    counts[PopulationStability.Bin(reference.BinEdges, value)]++;
                    total++;
                    sum += value;
                }
            }

            var trainingMean = double.IsFinite(reference.Mean) ? reference.Mean : (double?)null;
            if (total == 0)
            {
                results.Add(new MetricDrift(definition.WireName, null, "no-data", 0, trainingMean, null, reference.BinEdges, reference.BinFractions, []));
                continue;
            }

            var fractions = counts.Select(c => (double)c / total).ToArray();
            var psi = PopulationStability.Index(reference.BinFractions, fractions);
            results.Add(new MetricDrift(definition.WireName, psi, PopulationStability.Classify(psi), total, trainingMean, sum / total,
                reference.BinEdges, reference.BinFractions, fractions));
        }

        return new InputDriftReport(recentSteps, windows.Count, results);
    }
}
