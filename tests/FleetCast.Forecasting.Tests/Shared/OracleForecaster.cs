using FleetCast.Core.Datasets;
using FleetCast.Core.Forecasts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Windows;

namespace FleetCast.Forecasting.Tests.Shared;

/// <summary>Knows the future: every quantile is the actual value plus <paramref name="offset"/>.</summary>
internal sealed class OracleForecaster(FleetDataset data, string name, float offset = 0f) : IForecaster
{
    public string Name => name;

    public bool IsModel => false;

    public int MinHistorySteps => 1;

    public IReadOnlyList<ServerForecast> Forecast(IReadOnlyList<ServerWindow> windows, int horizonSteps, CancellationToken cancellationToken = default) =>
        windows.Select(w =>
        {
            var series = data.Servers.Single(s => s.Server == w.Server);
            var origin = (int)((w.LastStepTime - data.Start).TotalSeconds / data.StepSeconds);
            var values = new float[3 * MetricCatalog.Count * horizonSteps];
            for (var q = 0; q < 3; q++)
            {
                for (var m = 0; m < MetricCatalog.Count; m++)
                {
                    for (var h = 1; h <= horizonSteps; h++)
                    {
                        values[(((q * MetricCatalog.Count) + m) * horizonSteps) + h - 1] = series[origin + h, (Metric)m] + offset;
                    }
                }
            }

            return new ServerForecast(w.Server, name, w.LastStepTime, w.StepSeconds, ServerForecast.StandardQuantiles, horizonSteps, values);
        }).ToList();
}
