namespace FleetCast.Forecasting.Live;

/// <summary>Input drift of the recent fleet window against the training inputs saved with the model.</summary>
/// <param name="RecentSteps">Newest steps of each live server's window that were binned.</param>
/// <param name="Servers">Live servers whose windows were binned.</param>
public sealed record InputDriftReport(int RecentSteps, int Servers, IReadOnlyList<MetricDrift> Metrics);

/// <summary>PSI of one metric; <see cref="Psi"/> is null when the model saved no distribution for it or
/// no recent value was seen (<see cref="Status"/> "no-data").</summary>
/// <param name="Status">"stable" (PSI &lt; 0.1), "moderate" (0.1–0.25), "significant" (≥ 0.25) or "no-data".</param>
/// <param name="RecentCount">Recent values binned.</param>
/// <param name="BinEdges">The training bins (first and last bin open-ended).</param>
public sealed record MetricDrift(
    string Metric,
    double? Psi,
    string Status,
    long RecentCount,
    double? TrainingMean,
    double? RecentMean,
    IReadOnlyList<double> BinEdges,
    IReadOnlyList<double> TrainingFractions,
    IReadOnlyList<double> RecentFractions);
