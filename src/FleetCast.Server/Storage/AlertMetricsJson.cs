using System.Text.Json;
using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;

namespace FleetCast.Server.Storage;

/// <summary>The JSON columns of alert_events: metrics (an array of wire names) and outcome_claims (an array of
/// {"metric", "threshold"}). Unknown wire names (a metric since removed) are skipped when read.</summary>
internal static class AlertMetricsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string WriteMetrics(IEnumerable<Metric> metrics) => JsonSerializer.Serialize(metrics.Select(MetricCatalog.WireName).ToArray());

    /// <summary>The metrics of a row; a row without the column (or with none known) lists its headline.</summary>
    public static IReadOnlyList<Metric> ReadMetrics(string? json, Metric headline)
    {
        var names = string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];
        var metrics = names.Select(n => MetricCatalog.TryGet(n, out var d) ? d.Id : (Metric?)null).OfType<Metric>().Distinct().ToList();
        return metrics.Count == 0 ? [headline] : metrics;
    }

    public static string WriteClaims(IEnumerable<AlertClaim> claims) =>
        JsonSerializer.Serialize(claims.Select(c => new StoredClaim(MetricCatalog.WireName(c.Metric), c.Threshold)).ToArray(), Options);

    /// <summary>The claims of a row; a row written before claims were stored has its one claim in metric and outcome_threshold.</summary>
    public static IReadOnlyList<AlertClaim> ReadClaims(string? json, Metric metric, double threshold)
    {
        var stored = string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<StoredClaim[]>(json, Options) ?? [];
        var claims = stored.Where(c => MetricCatalog.TryGet(c.Metric, out _)).Select(c => new AlertClaim(DbValues.ParseMetric(c.Metric), c.Threshold)).ToList();
        return claims.Count == 0 ? [new AlertClaim(metric, threshold)] : claims;
    }

    private sealed record StoredClaim(string Metric, double Threshold);
}
