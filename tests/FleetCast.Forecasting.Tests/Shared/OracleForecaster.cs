using FleetCast.Core.Datasets;
using FleetCast.Core.Forecasts;
using FleetCast.Core.Windows;

namespace FleetCast.Forecasting.Tests.Shared;

/// <summary>Knows the future: every quantile is the actual value plus <paramref name="offset"/>.</summary>
internal sealed class OracleForecaster(FleetDataset data, string name, float offset = 0f) : IForecaster
{
    private readonly ScriptedForecaster _scripted = new(data, name, (_, _, _, actual) => actual + offset);

    public string Name => name;

    public bool IsModel => false;

    public int MinHistorySteps => 1;

    public IReadOnlyList<ServerForecast> Forecast(IReadOnlyList<ServerWindow> windows, int horizonSteps, CancellationToken cancellationToken = default) =>
        _scripted.Forecast(windows, horizonSteps, cancellationToken);
}
