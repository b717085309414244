using System.Text.Json;
using FleetCast.Core.Forecasts;
using FleetCast.Core.Json;
using FleetCast.Core.Levels;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Server.Engine;

namespace FleetCast.Server.Api;

/// <summary>Writes one server's detail (DESIGN §7): its row, history from the window and the full
/// quantile forecast. History holds only metrics ever observed and only the steps the window filled.</summary>
public static class ServerDetailWriter
{
    public static byte[] Write(ServerDetail detail, int filledSteps)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, detail, filledSteps);
        }

        return buffer.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, ServerDetail detail, int filledSteps)
    {
        var row = detail.Row;
        writer.WriteStartObject();
        writer.WriteString("name", row.Name);
        writer.WriteString("profile", ProfileNames.ToWire(row.Profile));
        writer.WriteBoolean("ready", row.Ready);
        writer.WriteNumber("warmupProgress", row.WarmupProgress);
        writer.WriteBoolean("stale", row.Stale);
        writer.WriteString("lastSeen", row.LastSeen);
        writer.WriteString("forecaster", row.Forecaster);
        writer.WriteNumber("riskScore", row.RiskScore);
        writer.WriteString("level", RiskLadder.ToWire(row.Level));
        writer.WritePropertyName("factors");
        JsonSerializer.Serialize(writer, row.Factors, FleetJson.Options);
        writer.WritePropertyName("display");
        JsonSerializer.Serialize(writer, row.Display, FleetJson.Options);
        WriteHistory(writer, detail, filledSteps);
        WriteForecast(writer, detail.Forecast);
        writer.WriteEndObject();
    }

    private static void WriteHistory(Utf8JsonWriter writer, ServerDetail detail, int filledSteps)
    {
        var window = detail.Window;
        var steps = Math.Min(window.Length, Math.Max(filledSteps, 0));
        var first = window.Length - steps;
        var times = new string[steps];
        for (var t = 0; t < steps; t++)
        {
            times[t] = window.TimeOf(first + t).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");
        }

        writer.WriteStartObject("history");
        foreach (var metric in MetricCatalog.All)
        {
            if (!window.Observed[metric.Index])
            {
                continue;
            }

            writer.WriteStartArray(metric.WireName);
            for (var t = 0; t < steps; t++)
            {
                writer.WriteStartObject();
                writer.WriteString("t", times[t]);
                WriteNumber(writer, "v", window[first + t, metric.Id]);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteForecast(Utf8JsonWriter writer, ServerForecast? forecast)
    {
        if (forecast is null)
        {
            writer.WriteNull("forecastOrigin");
            writer.WriteNull("forecast");
            return;
        }

        writer.WriteString("forecastOrigin", forecast.OriginTime);
        writer.WriteNumber("forecastStepSeconds", forecast.StepSeconds);
        writer.WriteNumber("forecastHorizonSteps", forecast.HorizonSteps);
        writer.WriteStartObject("forecast");
        foreach (var metric in MetricCatalog.All)
        {
            writer.WriteStartObject(metric.WireName);
            WriteQuantiles(writer, forecast, metric.Id);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes p10/p50/p90 (and any other quantile the forecaster produced) as arrays.</summary>
    internal static void WriteQuantiles(Utf8JsonWriter writer, ServerForecast forecast, Metric metric)
    {
        for (var q = 0; q < forecast.Quantiles.Length; q++)
        {
            writer.WriteStartArray(QuantileName(forecast.Quantiles[q]));
            foreach (var value in forecast.Series(q, metric))
            {
                WriteNumberValue(writer, value);
            }

            writer.WriteEndArray();
        }
    }

    internal static string QuantileName(double quantile) => $"p{Math.Round(quantile * 100):0}";

    internal static void WriteNumber(Utf8JsonWriter writer, string name, double value)
    {
        writer.WritePropertyName(name);
        WriteNumberValue(writer, value);
    }

    internal static void WriteNumberValue(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(Math.Round(value, 4));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
