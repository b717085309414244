using System.Globalization;
using System.Text.Json;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Samples;

namespace FleetCast.Simulator.Streaming;

/// <summary>The body of <c>POST /api/v1/ingest</c>: <c>{ "samples": [ { "server", "timestamp" (ISO 8601
/// UTC), "profile" (wire name), "metrics": { "&lt;wire name&gt;": number } } ] }</c>. Absent (NaN)
/// metrics are left out; integer metrics are written as integers.</summary>
public static class IngestPayload
{
    public static byte[] Serialize(IReadOnlyList<MetricSample> samples) => Serialize(samples, 0, samples.Count);

    public static byte[] Serialize(IReadOnlyList<MetricSample> samples, int offset, int count)
    {
        using var buffer = new MemoryStream(count * 512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("samples");
            for (var i = offset; i < offset + count; i++)
            {
                WriteSample(json, samples[i]);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static string FormatTimestamp(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static void WriteSample(Utf8JsonWriter json, MetricSample sample)
    {
        json.WriteStartObject();
        json.WriteString("server", sample.Server);
        json.WriteString("timestamp", FormatTimestamp(sample.Timestamp));
        if (sample.Profile is { } profile)
        {
            json.WriteString("profile", ProfileNames.ToWire(profile));
        }

        json.WriteStartObject("metrics");
        foreach (var metric in MetricCatalog.All)
        {
            var value = sample.Values[metric.Index];
            if (!double.IsFinite(value))
            {
                continue;
            }

            if (metric.IsInteger)
            {
                json.WriteNumber(metric.WireName, (long)Math.Round(value));
            }
            else
            {
                json.WriteNumber(metric.WireName, Math.Round(value, 4));
            }
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
