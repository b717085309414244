using FleetCast.Core.Forecasts;
using FleetCast.Core.Windows;

namespace FleetCast.Forecasting.Baselines;

/// <summary>The value one day (288 steps) earlier, with
/// bands from its own empirical h-step residual quantiles.</summary>
public sealed class SeasonalNaiveForecaster : IForecaster
{
    public string Name => "seasonal-naive";

    public bool IsModel => false;

    public int MinHistorySteps => 288;

    public IReadOnlyList<ServerForecast> Forecast(IReadOnlyList<ServerWindow> windows, int horizonSteps, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("baselines helper implements this");
}
