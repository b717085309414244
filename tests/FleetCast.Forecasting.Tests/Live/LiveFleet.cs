using FleetCast.Core.Forecasts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Windows;
using FleetCast.Forecasting.Live;

namespace FleetCast.Forecasting.Tests.Live;

/// <summary>A tiny fleet whose metric m at step t is <c>10·m + t</c>, and forecasts that are the truth
/// shifted by fixed offsets per quantile, so every score is computable by hand.</summary>
internal static class LiveFleet
{
    public const int StepSeconds = 300;
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);

    public static float Truth(int step, int metric) => (10 * metric) + step;

    public static DateTimeOffset TimeOf(int step) => Start.AddSeconds((double)step * StepSeconds);

    /// <summary>The window at step <paramref name="step"/>: the newest <paramref name="length"/> steps.</summary>
    public static ServerWindow Window(string server, int step, int length = 8)
    {
        var values = new float[length * MetricCatalog.Count];
        for (var row = 0; row < length; row++)
        {
            for (var m = 0; m < MetricCatalog.Count; m++)
            {
                values[(row * MetricCatalog.Count) + m] = Truth(step - length + 1 + row, m);
            }
        }

        return new ServerWindow(server, ServerProfile.Generic, TimeOf(step), StepSeconds, values, Enumerable.Repeat(true, MetricCatalog.Count).ToArray());
    }

    public static ServerForecast Forecast(string server, string forecaster, int step, int horizon, float p10Offset, float p50Offset, float p90Offset)
    {
        var offsets = new[] { p10Offset, p50Offset, p90Offset };
        var values = new float[3 * MetricCatalog.Count * horizon];
        for (var q = 0; q < 3; q++)
        {
            for (var m = 0; m < MetricCatalog.Count; m++)
            {
                for (var h = 1; h <= horizon; h++)
                {
                    values[(((q * MetricCatalog.Count) + m) * horizon) + h - 1] = Truth(step + h, m) + offsets[q];
                }
            }
        }

        return new ServerForecast(server, forecaster, TimeOf(step), StepSeconds, ServerForecast.StandardQuantiles, horizon, values);
    }

    public static LiveObservation Observation(string server, int step, ServerForecast? forecast, int lastSeenStep = int.MaxValue) =>
        new(Window(server, step), forecast, lastSeenStep == int.MaxValue ? TimeOf(step) : TimeOf(lastSeenStep));

    /// <summary>Horizon 4 steps, look-back 4, an origin every step, every step scored, buckets 1–2 and 3–4.</summary>
    public static LiveScoreOptions SmallOptions(int originEvery = 1) => new()
    {
        StepSeconds = StepSeconds,
        HorizonSteps = 4,
        LookbackSteps = 4,
        OriginEverySteps = originEvery,
        HorizonSampleEvery = 1,
        BucketEndHours = [2 * StepSeconds / 3600.0],
        MinMaturedPoints = 10,
    };
}
