using FleetCast.Core.Forecasts;
using FleetCast.Core.Windows;

namespace FleetCast.Forecasting.Baselines;

/// <summary>Least squares over the last 12 steps (what predict_linear gives a Prometheus user), with
/// bands from its own empirical h-step residual quantiles.</summary>
public sealed class LinearTrendForecaster : IForecaster
{
    public string Name => "linear-trend";

    public bool IsModel => false;

    public int MinHistorySteps => 12;

    public IReadOnlyList<ServerForecast> Forecast(IReadOnlyList<ServerWindow> windows, int horizonSteps, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("baselines helper implements this");
}
