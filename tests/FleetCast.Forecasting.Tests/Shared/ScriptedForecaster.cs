using FleetCast.Core.Datasets;
using FleetCast.Core.Forecasts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Windows;

namespace FleetCast.Forecasting.Tests.Shared;

/// <summary>Forecasts every quantile as <paramref name="value"/>(metric, origin step, step ahead 1..h,
/// the actual value at that step) of the known <paramref name="data"/>.</summary>
internal sealed class ScriptedForecaster(FleetDataset data, string name, Func<Metric, int, int, float, float> value, bool isModel = false) : IForecaster
{
    public string Name => name;

    public bool IsModel => isModel;

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
                        values[(((q * MetricCatalog.Count) + m) * horizonSteps) + h - 1] = value((Metric)m, origin, h, series[origin + h, (Metric)m]);
                    }
                }
            }

            return new ServerForecast(w.Server, name, w.LastStepTime, w.StepSeconds, ServerForecast.StandardQuantiles, horizonSteps, values);
        }).ToList();
}
