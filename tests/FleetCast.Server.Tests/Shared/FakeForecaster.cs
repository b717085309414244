using FleetCast.Core.Forecasts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Windows;
using FleetCast.Forecasting;

namespace FleetCast.Server.Tests.Shared;

/// <summary>Forecasts every metric flat at its last value with a fixed band: p10 = v − band, p50 = v, p90 = v + band.
/// Records the batches it was given.</summary>
public sealed class FakeForecaster(string name = "fake", int minHistorySteps = 1, bool isModel = false, double band = 1) : IForecaster
{
    private readonly List<IReadOnlyList<string>> _batches = [];

    public string Name => name;

    public bool IsModel => isModel;

    public int MinHistorySteps => minHistorySteps;

    public bool Throw { get; set; }

    public IReadOnlyList<IReadOnlyList<string>> Batches
    {
        get
        {
            lock (_batches)
            {
                return [.. _batches];
            }
        }
    }

    public IReadOnlyList<ServerForecast> Forecast(IReadOnlyList<ServerWindow> windows, int horizonSteps, CancellationToken cancellationToken = default)
    {
        lock (_batches)
        {
            _batches.Add(windows.Select(w => w.Server).ToList());
        }

        if (Throw)
        {
            throw new InvalidOperationException("fake failure");
        }

        return windows.Select(w =>
        {
            var latest = w.Latest();
            var quantiles = ServerForecast.StandardQuantiles;
            var values = new float[quantiles.Length * MetricCatalog.Count * horizonSteps];
            for (var q = 0; q < quantiles.Length; q++)
            {
                for (var m = 0; m < MetricCatalog.Count; m++)
                {
                    var v = double.IsNaN(latest[m]) ? 0 : latest[m];
                    var value = (float)Math.Max(0, v + ((q - 1) * band));
                    Array.Fill(values, value, ((q * MetricCatalog.Count) + m) * horizonSteps, horizonSteps);
                }
            }

            return new ServerForecast(w.Server, name, w.LastStepTime, w.StepSeconds, quantiles, horizonSteps, values);
        }).ToList();
    }
}
