namespace FleetCast.Forecasting.Tft;

/// <summary>Distribution of one metric in the training inputs (raw units). <see cref="BinEdges"/>
/// has one more entry than <see cref="BinFractions"/>; values below the first edge count in the first
/// bin and values above the last edge in the last bin, so the fractions sum to 1.</summary>
public sealed record MetricInputStatistics(string Metric, long Count, double Mean, double Std, IReadOnlyList<double> BinEdges, IReadOnlyList<double> BinFractions);
