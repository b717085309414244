using FleetCast.Core.Metrics;
using FleetCast.Core.Windows;
using FleetCast.Forecasting.Tft;
using FleetCast.Server.Engine;

namespace FleetCast.Server.Tests.Dashboard.Shared;

/// <summary>Snapshots forecast by a small, randomly initialised TFT, with windows long enough for it.</summary>
public static class ModelSnapshots
{
    public const int LookbackSteps = 16;
    public const int SeasonSteps = 8;

    /// <summary>The name <see cref="TftForecaster"/> forecasts under.</summary>
    public const string Tft = "tft";

    public static TftConfig SmallConfig() => new()
    {
        LookbackSteps = LookbackSteps,
        HorizonSteps = TestSnapshots.HorizonSteps,
        SeasonSteps = SeasonSteps,
        HiddenSize = 8,
        VariableSize = 4,
        AttentionHeads = 2,
        Dropout = 0,
    };

    /// <summary><see cref="TestSnapshots.Create"/> with forecaster "tft": every server's window holds
    /// look-back + season steps of varying values; <paramref name="warmingUp"/> servers are forecast by the warm-up baseline.</summary>
    public static PublishedSnapshot Create(int servers = 6, long version = 1, params string[] warmingUp)
    {
        var baseline = TestSnapshots.Create(servers, version, Tft, forecasterIsModel: true);
        var details = baseline.Details.Values.Select((d, i) =>
        {
            var forecaster = warmingUp.Contains(d.Row.Name) ? "fake-warmup" : Tft;
            return d with { Window = Window(d.Window, i), Forecast = TestSnapshots.Forecast(d.Row.Name, forecaster), FilledSteps = LookbackSteps + SeasonSteps };
        }).ToDictionary(d => d.Row.Name, StringComparer.Ordinal);
        return new PublishedSnapshot
        {
            Snapshot = baseline.Snapshot,
            Json = baseline.Json,
            JsonGzip = baseline.JsonGzip,
            JsonBrotli = baseline.JsonBrotli,
            ETag = baseline.ETag,
            Details = details,
        };
    }

    private static ServerWindow Window(ServerWindow template, int serverIndex)
    {
        var steps = LookbackSteps + SeasonSteps;
        var values = new float[steps * MetricCatalog.Count];
        for (var t = 0; t < steps; t++)
        {
            for (var m = 0; m < MetricCatalog.Count; m++)
            {
                var percent = MetricCatalog.All[m].Max is 100;
                var level = percent ? 40 + (serverIndex * 8) : 5 + m;
                values[(t * MetricCatalog.Count) + m] = (float)(level + (4 * Math.Sin((t + m) * 0.7)) + (0.5 * t));
            }
        }

        var observed = Enumerable.Repeat(true, MetricCatalog.Count).ToArray();
        return new ServerWindow(template.Server, template.Profile, template.LastStepTime, template.StepSeconds, values, observed);
    }
}
