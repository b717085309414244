using FleetCast.Core.Forecasts;
using FleetCast.Core.Windows;

namespace FleetCast.Forecasting.Baselines;

/// <summary>Additive Holt-Winters with a daily season, with
/// bands from its own empirical h-step residual quantiles.</summary>
public sealed class HoltWintersForecaster : IForecaster
{
    public string Name => "holt-winters";

    public bool IsModel => false;

    public int MinHistorySteps => 576;

    public IReadOnlyList<ServerForecast> Forecast(IReadOnlyList<ServerWindow> windows, int horizonSteps, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("baselines helper implements this");
}
