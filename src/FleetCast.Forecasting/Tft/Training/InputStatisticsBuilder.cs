using FleetCast.Core.Datasets;
using FleetCast.Core.Metrics;

namespace FleetCast.Forecasting.Tft.Training;

/// <summary>Per-metric distribution of the training period, saved with the model for drift checks.</summary>
internal static class InputStatisticsBuilder
{
    private const int Bins = 10;
    private const int MaxSamplesPerMetric = 200_000;

    public static IReadOnlyList<MetricInputStatistics> Build(FleetDataset dataset, int endStep)
    {
        var statistics = new List<MetricInputStatistics>(MetricCatalog.Count);
        var totalRows = (long)dataset.Servers.Count * endStep;
        var stride = (int)Math.Max(1, totalRows / MaxSamplesPerMetric);
        foreach (var definition in MetricCatalog.All)
        {
            var sample = new List<double>();
            long row = 0;
            foreach (var series in dataset.Servers)
            {
                for (var t = 0; t < endStep; t++, row++)
                {
                    var value = series[t, definition.Id];
                    if (row % stride == 0 && !float.IsNaN(value))
                    {
                        sample.Add(value);
                    }
                }
            }

            statistics.Add(Describe(definition.WireName, sample));
        }

        return statistics;
    }

    private static MetricInputStatistics Describe(string metric, List<double> sample)
    {
        if (sample.Count == 0)
        {
            return new MetricInputStatistics(metric, 0, double.NaN, double.NaN, [], []);
        }

        sample.Sort();
        var mean = sample.Average();
        var std = Math.Sqrt(sample.Sum(v => (v - mean) * (v - mean)) / sample.Count);
        var low = sample[(int)(0.005 * (sample.Count - 1))];
        var high = sample[(int)(0.995 * (sample.Count - 1))];
        if (high <= low)
        {
            high = low + 1e-6;
        }

        var edges = Enumerable.Range(0, Bins + 1).Select(i => low + ((high - low) * i / Bins)).ToArray();
        var counts = new double[Bins];
        foreach (var value in sample)
        {
            var bin = (int)Math.Floor((value - low) / (high - low) * Bins);
            counts[Math.Clamp(bin, 0, Bins - 1)]++;
        }

        return new MetricInputStatistics(metric, sample.Count, mean, std, edges, counts.Select(c => c / sample.Count).ToArray());
    }
}
