using FleetCast.Core.Metrics;

namespace FleetCast.Core.Thresholds;

/// <summary>Alert thresholds and score bands of one metric for one profile.</summary>
/// <param name="Warning">Alert threshold for warnings; null when the metric never alerts.</param>
/// <param name="Critical">Alert threshold for critical alerts; null when the metric never alerts.</param>
/// <param name="CurrentBands">Points from the current value, worst first.</param>
/// <param name="PredictedBands">Points from the pessimistic near-horizon forecast, worst first.</param>
public sealed record MetricThresholds(
    Metric Metric,
    double? Warning,
    double? Critical,
    IReadOnlyList<ScoreBand> CurrentBands,
    IReadOnlyList<ScoreBand> PredictedBands)
{
    public bool HighIsBad => MetricCatalog.Get(Metric).HighIsBad;

    /// <summary>True when <paramref name="value"/> is at or beyond <paramref name="bound"/> in the bad direction.</summary>
    public bool Reaches(double value, double bound) => HighIsBad ? value >= bound : value <= bound;

    public double CurrentPoints(double value) => Points(CurrentBands, value);

    public double PredictedPoints(double value) => Points(PredictedBands, value);

    private double Points(IReadOnlyList<ScoreBand> bands, double value)
    {
        if (double.IsNaN(value))
        {
            return 0;
        }

        foreach (var band in bands)
        {
            if (Reaches(value, band.Bound))
            {
                return band.Points;
            }
        }

        return 0;
    }
}
