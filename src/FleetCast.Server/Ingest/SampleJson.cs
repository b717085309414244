using System.Text.Json;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Samples;

namespace FleetCast.Server.Ingest;

/// <summary>Writes samples as a <c>POST /api/v1/ingest</c> body, so simulated and scraped data pass the same parser as agents' data.</summary>
public static class SampleJson
{
    public static byte[] Serialize(IReadOnlyList<MetricSample> samples)
    {
        using var buffer = new MemoryStream(samples.Count * 400);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("samples");
            foreach (var sample in samples)
            {
                json.WriteStartObject();
                json.WriteString("server", sample.Server);
                json.WriteString("timestamp", sample.Timestamp.ToUniversalTime());
                if (sample.Profile is { } profile)
                {
                    json.WriteString("profile", ProfileNames.ToWire(profile));
                }

                json.WriteStartObject("metrics");
                foreach (var metric in MetricCatalog.All)
                {
                    var value = sample.Values[metric.Index];
                    if (!double.IsNaN(value))
                    {
                        json.WriteNumber(metric.WireName, value);
                    }
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
