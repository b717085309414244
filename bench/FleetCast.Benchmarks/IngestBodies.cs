using System.Text.Json;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Samples;

namespace FleetCast.Benchmarks;

/// <summary>Serialises samples into the body of POST /api/v1/ingest.</summary>
internal static class IngestBodies
{
    public static byte[] Samples(IReadOnlyList<MetricSample> samples)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("samples");
            foreach (var sample in samples)
            {
                writer.WriteStartObject();
                writer.WriteString("server", sample.Server);
                writer.WriteString("timestamp", sample.Timestamp.UtcDateTime);
                if (sample.Profile is { } profile)
                {
                    writer.WriteString("profile", ProfileNames.ToWire(profile));
                }

                writer.WriteStartObject("metrics");
                foreach (var definition in MetricCatalog.All)
                {
                    var value = sample.Values[definition.Index];
                    if (!double.IsNaN(value))
                    {
                        writer.WriteNumber(definition.WireName, value);
                    }
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
