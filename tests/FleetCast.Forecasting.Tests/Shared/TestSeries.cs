using FleetCast.Core.Datasets;
using FleetCast.Core.Forecasts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Windows;

namespace FleetCast.Forecasting.Tests.Shared;

/// <summary>Builds windows and datasets from a value function (step, metric) → value.</summary>
internal static class TestSeries
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public const int StepSeconds = 300;

    public static float[] Rows(int steps, Func<int, int, float> value)
    {
        var rows = new float[steps * MetricCatalog.Count];
        for (var t = 0; t < steps; t++)
        {
            for (var m = 0; m < MetricCatalog.Count; m++)
            {
                rows[(t * MetricCatalog.Count) + m] = value(t, m);
            }
        }

        return rows;
    }

    public static ServerWindow Window(int steps, Func<int, int, float> value, bool[]? observed = null, string server = "ppweb001") =>
        new(server, ServerProfile.WebApi, Start.AddSeconds((double)(steps - 1) * StepSeconds), StepSeconds, Rows(steps, value), observed ?? Enumerable.Repeat(true, MetricCatalog.Count).ToArray());

    public static FleetDataset Dataset(int servers, int steps, Func<int, int, int, float> value, ServerProfile profile = ServerProfile.WebApi) =>
        new(
            Start,
            StepSeconds,
            7,
            Enumerable.Range(0, servers).Select(s => new ServerSeries($"ppweb{s + 1:000}", profile, Rows(steps, (t, m) => value(s, t, m)))).ToList(),
            [new ScenarioEpisode("critical", 10, 40, ["ppweb001"])]);

    public static float[] Quantile(ServerForecast forecast, double quantile, Metric metric) => forecast.Series(quantile, metric).ToArray();
}
