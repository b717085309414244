using System.Text.Json;
using FleetCast.Core.Forecasts;
using FleetCast.Core.Levels;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Snapshots;
using FleetCast.Server.Engine;

namespace FleetCast.Server.Api;

/// <summary>Writes the old system's <c>GET /predictions/current</c> shape (snake_case, full quantiles)
/// from a published snapshot. Level counts map the seven levels onto the old four.</summary>
public static class CompatPredictionsWriter
{
    public static byte[] Write(PublishedSnapshot published)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, published);
        }

        return buffer.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, PublishedSnapshot published)
    {
        var snapshot = published.Snapshot;
        writer.WriteStartObject();
        writer.WriteStartObject("predictions");
        foreach (var row in snapshot.Servers)
        {
            published.Details.TryGetValue(row.Name, out var detail);
            writer.WriteStartObject(row.Name);
            WriteServer(writer, row, detail);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();

        writer.WriteStartArray("alerts");
        foreach (var alert in snapshot.Alerts)
        {
            WriteAlert(writer, alert, snapshot.StepSeconds);
        }

        writer.WriteEndArray();

        var env = snapshot.Environment;
        writer.WriteStartObject("environment");
        writer.WriteNumber("prob_30m", env.IncidentIndicator30m);
        writer.WriteNumber("prob_8h", env.IncidentIndicator8h);
        writer.WriteNumber("high_risk_servers", env.HighRiskServers);
        writer.WriteNumber("total_servers", env.TotalServers);
        writer.WriteString("fleet_health", env.FleetHealth);
        writer.WriteString("method", env.Method);
        writer.WriteEndObject();

        writer.WriteStartObject("metadata");
        writer.WriteString("model_type", snapshot.Forecaster);
        writer.WriteBoolean("is_model", snapshot.ForecasterIsModel);
        writer.WriteString("prediction_time", snapshot.DataTime);
        writer.WriteNumber("horizon_steps", snapshot.HorizonSteps);
        writer.WriteNumber("step_seconds", snapshot.StepSeconds);
        writer.WriteNumber("version", snapshot.Version);
        writer.WriteEndObject();

        var s = snapshot.Summary;
        int Count(params RiskLevel[] levels) => levels.Sum(l => s.LevelCounts.GetValueOrDefault(RiskLadder.ToWire(l)));
        writer.WriteStartObject("summary");
        writer.WriteNumber("total_servers", s.TotalServers);
        writer.WriteNumber("critical_count", Count(RiskLevel.ImminentFailure, RiskLevel.Critical));
        writer.WriteNumber("warning_count", Count(RiskLevel.Danger, RiskLevel.Warning));
        writer.WriteNumber("degrading_count", Count(RiskLevel.Degrading));
        writer.WriteNumber("healthy_count", Count(RiskLevel.Watch, RiskLevel.Healthy));
        writer.WriteNumber("avg_risk_score", s.AvgRisk);
        writer.WriteNumber("max_risk_score", s.MaxRisk);
        WriteStrings(writer, "top_5_risks", s.Top5);
        WriteStrings(writer, "top_10_risks", s.Top10);
        WriteStrings(writer, "top_20_risks", s.Top20);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteServer(Utf8JsonWriter writer, ServerRow row, ServerDetail? detail)
    {
        var forecast = detail?.Forecast;
        var current = detail?.Window.Latest();
        foreach (var metric in MetricCatalog.All)
        {
            writer.WriteStartObject(metric.WireName);
            if (forecast is not null)
            {
                ServerDetailWriter.WriteQuantiles(writer, forecast, metric.Id);
            }
            else
            {
                foreach (var name in new[] { "p10", "p50", "p90" })
                {
                    writer.WriteStartArray(name);
                    writer.WriteEndArray();
                }
            }

            var now = current is null ? double.NaN : current[metric.Index];
            ServerDetailWriter.WriteNumber(writer, "current", now);
            writer.WriteString("trend", Trend(now, forecast, metric.Id));
            writer.WriteEndObject();
        }

        writer.WriteNumber("risk_score", row.RiskScore);
        writer.WriteString("profile", ProfileNames.ToWire(row.Profile));
        var level = RiskLadder.Get(row.Level);
        writer.WriteStartObject("alert");
        writer.WriteString("level", level.WireName);
        writer.WriteNumber("score", row.RiskScore);
        writer.WriteString("color", level.Color);
        writer.WriteString("label", level.Label);
        writer.WriteEndObject();
        writer.WriteBoolean("stale", row.Stale);
        writer.WriteBoolean("ready", row.Ready);

        writer.WriteStartObject("display_metrics");
        foreach (var (name, value) in row.Display)
        {
            writer.WriteStartObject(name);
            WriteNullable(writer, "current", value.Current);
            WriteNullable(writer, "predicted", value.Predicted);
            WriteNullable(writer, "delta", value.Delta);
            writer.WriteString("unit", value.Unit);
            writer.WriteString("trend", value.Trend);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>Direction of the p50 forecast's end versus now; "stable" within 2 % of the value (at least 0.5).</summary>
    internal static string Trend(double current, ServerForecast? forecast, Metric metric)
    {
        if (forecast is null || !double.IsFinite(current) || forecast.HorizonSteps == 0)
        {
            return "stable";
        }

        var p50 = forecast.Series(0.5, metric);
        var delta = p50[^1] - current;
        var tolerance = Math.Max(0.5, Math.Abs(current) * 0.02);
        return delta > tolerance ? "increasing" : delta < -tolerance ? "decreasing" : "stable";
    }

    internal static void WriteAlert(Utf8JsonWriter writer, AlertView alert, int stepSeconds)
    {
        writer.WriteStartObject();
        writer.WriteString("server", alert.Server);
        writer.WriteString("metric", alert.Metric);
        writer.WriteString("severity", alert.Severity.ToString().ToLowerInvariant());
        writer.WriteString("likelihood", alert.Likelihood.ToString().ToLowerInvariant());
        writer.WriteNumber("predicted_value", alert.PredictedValue);
        writer.WriteNumber("threshold", alert.Threshold);
        writer.WriteNumber("steps_ahead", (int)Math.Round(alert.MinutesAhead * 60 / stepSeconds));
        writer.WriteNumber("minutes_ahead", alert.MinutesAhead);
        writer.WriteString("started_at", alert.StartedAt);
        writer.WriteString("message", alert.Message);
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            ServerDetailWriter.WriteNumber(writer, name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
