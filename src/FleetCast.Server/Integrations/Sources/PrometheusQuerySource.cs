using System.Globalization;
using System.Text.Json;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Samples;

namespace FleetCast.Server.Integrations.Sources;

/// <summary>Asks a Prometheus server (instant queries, <c>GET api/v1/query</c>) for the node_exporter series
/// of a label selector: one query per metric, one sample per value of the name label. A server whose
/// targets carry a "profile" label gets that profile.</summary>
public sealed class PrometheusQuerySource : IMetricSource
{
    public const string SourceKind = "prometheus";

    private readonly HttpClient _client;
    private readonly PrometheusQueries _queries;
    private readonly string _nameLabel;

    public PrometheusQuerySource(HttpClient client, Uri baseUrl, string name, PrometheusQueries queries, string nameLabel)
    {
        _client = client;
        Url = baseUrl.AbsolutePath.EndsWith('/') ? baseUrl : new Uri(baseUrl + "/");
        Name = name;
        _queries = queries;
        _nameLabel = nameLabel;
    }

    public string Name { get; }

    public string Kind => SourceKind;

    public Uri Url { get; }

    public async Task<IReadOnlyList<MetricSample>> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var servers = new Dictionary<string, (ServerProfile? Profile, double[] Values)>(StringComparer.Ordinal);
        var time = (now.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
        foreach (var (metric, expression) in _queries.All)
        {
            var query = new Uri(Url, $"api/v1/query?query={Uri.EscapeDataString(expression)}&time={time}");
            using var response = await _client.GetAsync(query, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (labels, value) in ReadVector(body, (int)response.StatusCode))
            {
                if (!labels.TryGetValue(_nameLabel, out var rawName) || rawName.Length == 0)
                {
                    continue;
                }

                var server = SourceServerNames.Sanitize(rawName);
                if (!servers.TryGetValue(server, out var entry))
                {
                    var profile = labels.TryGetValue(PrometheusQueries.ProfileLabel, out var wire) && ProfileNames.TryParse(wire, out var parsed) ? parsed : (ServerProfile?)null;
                    entry = (profile, MetricSample.EmptyValues());
                    servers[server] = entry;
                }

                entry.Values[(int)metric] = Clean(metric, value);
            }
        }

        return servers.Select(s => new MetricSample(s.Key, now, s.Value.Profile, s.Value.Values))
            .Where(s => s.Values.Any(v => !double.IsNaN(v)))
            .ToList();
    }

    /// <summary>The (labels, value) pairs of an instant-query answer; throws with Prometheus's own error text.</summary>
    public static IEnumerable<(IReadOnlyDictionary<string, string> Labels, double Value)> ReadVector(string body, int statusCode)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new InvalidDataException($"Prometheus answered {statusCode} with a body that is not JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var status) || status.GetString() != "success")
            {
                var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e) ? e.GetString() : null;
                throw new InvalidDataException($"Prometheus answered {statusCode}: {error ?? "no error text"}");
            }

            var data = root.GetProperty("data");
            if (data.GetProperty("resultType").GetString() != "vector")
            {
                throw new InvalidDataException($"Prometheus answered a {data.GetProperty("resultType").GetString()}, not an instant vector");
            }

            var results = new List<(IReadOnlyDictionary<string, string>, double)>();
            foreach (var item in data.GetProperty("result").EnumerateArray())
            {
                var labels = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var label in item.GetProperty("metric").EnumerateObject())
                {
                    labels[label.Name] = label.Value.GetString() ?? "";
                }

                results.Add((labels, ExpositionParser.ParseValue(item.GetProperty("value")[1].GetString() ?? "NaN")));
            }

            return results;
        }
    }

    /// <summary>NaN and infinities (0/0 on an idle counter, a missing denominator) are missing; rounding
    /// may leave a percentage a hair outside 0–100, which is clamped rather than rejected.</summary>
    private static double Clean(Metric metric, double value)
    {
        if (!double.IsFinite(value))
        {
            return double.NaN;
        }

        var definition = MetricCatalog.Get(metric);
        var clamped = Math.Max(definition.Min, definition.Max is { } max ? Math.Min(max, value) : value);
        return definition.IsInteger ? Math.Round(clamped) : clamped;
    }
}
