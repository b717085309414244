using FleetCast.Core.Alerts;
using FleetCast.Core.Forecasts;
using FleetCast.Core.Levels;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Scoring;
using FleetCast.Core.Snapshots;
using FleetCast.Core.Windows;
using FleetCast.Server.Engine;

namespace FleetCast.Server.Tests.Dashboard.Shared;

/// <summary>Builds small, fully known snapshots for the dashboard tests.</summary>
public static class TestSnapshots
{
    public const int StepSeconds = 300;
    public const int WindowSteps = 12;
    public const int HorizonSteps = 6;

    public static readonly DateTimeOffset DataTime = new(2026, 11, 28, 14, 5, 0, TimeSpan.Zero);

    private static readonly (string Prefix, ServerProfile Profile)[] Prefixes =
    [
        ("ppdb", ServerProfile.Database),
        ("ppweb", ServerProfile.WebApi),
        ("ppml", ServerProfile.MlCompute),
        ("ppetl", ServerProfile.DataIngest),
    ];

    /// <summary>Servers named ppdb000, ppweb001, ... with risk 3 + (i × 97 / (count − 1)) spread over every level.</summary>
    public static PublishedSnapshot Create(int servers = 12, long version = 1, string forecaster = "linear-trend", bool forecasterIsModel = false, bool withDetails = true, bool withAlerts = true)
    {
        var rows = new List<ServerRow>();
        var details = new Dictionary<string, ServerDetail>(StringComparer.Ordinal);
        for (var i = 0; i < servers; i++)
        {
            var (prefix, profile) = Prefixes[i % Prefixes.Length];
            var name = $"{prefix}{i:000}";
            var score = servers == 1 ? 50 : 3 + (i * 96.0 / (servers - 1));
            var memory = 40 + (i * 55.0 / Math.Max(1, servers - 1));
            var display = DisplayMetricCatalog.All.ToDictionary(
                m => m.WireName,
                m => new DisplayMetricValue(Current(m, i), Current(m, i) + 1, 1, m.Unit, "increasing"));
            display["memory"] = new DisplayMetricValue(memory, memory + 2, 2, "%", "increasing");
            var factors = new List<RiskFactor>
            {
                new("mem_used_pct", $"memory {memory:0}% now", Math.Round(score * 0.6, 1), "now"),
                new("cpu_idle_pct", "cpu 91% predicted", Math.Round(score * 0.2, 1), "predicted"),
            };
            var row = new ServerRow(name, profile, score, RiskLadder.FromScore(score), true, 1, false, DataTime, forecaster, factors, display);
            rows.Add(row);
            if (withDetails)
            {
                details[name] = new ServerDetail(row, Window(name, profile, i), Forecast(name, forecaster));
            }
        }

        var alerts = withAlerts
            ? rows.Where(r => r.RiskScore >= 60).SelectMany(r => new[]
            {
                new AlertView(r.Name, r.Profile, "mem_used_pct", r.RiskScore >= 80 ? AlertSeverity.Critical : AlertSeverity.Warning, AlertLikelihood.Likely, 98, 98.6, 35, DataTime.AddMinutes(-10), $"mem_used_pct on {r.Name} likely to reach 98% in 35 min"),
                new AlertView(r.Name, r.Profile, "cpu_user_pct", AlertSeverity.Warning, AlertLikelihood.Now, 85, 87, 0, DataTime.AddMinutes(-30), $"cpu_user_pct on {r.Name} is at or beyond 85% now"),
            }).ToArray()
            : [];

        var ordered = rows.OrderByDescending(r => r.RiskScore).Select(r => r.Name).ToArray();
        var levelCounts = RiskLadder.Levels.ToDictionary(l => l.WireName, l => rows.Count(r => r.Level == l.Level));
        var profileCounts = ProfileNames.All.ToDictionary(ProfileNames.ToWire, p => rows.Count(r => r.Profile == p));
        var summary = new FleetSummary(
            rows.Count, rows.Count, 0, levelCounts, profileCounts,
            rows.Count == 0 ? 0 : rows.Average(r => r.RiskScore), rows.Count == 0 ? 0 : rows.Max(r => r.RiskScore),
            ordered.Take(5).ToArray(), ordered.Take(10).ToArray(), ordered.Take(20).ToArray(), 0, 0);
        var environment = new EnvironmentIndicators(0.12, 0.31, rows.Count(r => r.RiskScore >= 70), rows.Count, "degraded", "additive heuristic over forecast threshold crossings");
        var snapshot = new FleetSnapshot(version, DataTime, DataTime, StepSeconds, HorizonSteps, forecaster, forecasterIsModel, summary, environment, rows, alerts);
        return new PublishedSnapshot
        {
            Snapshot = snapshot,
            Json = [],
            JsonGzip = [],
            JsonBrotli = [],
            ETag = $"\"{version}\"",
            Details = details,
        };
    }

    /// <summary><paramref name="published"/> with <paramref name="alerts"/> instead of its own.</summary>
    public static PublishedSnapshot WithAlerts(PublishedSnapshot published, IReadOnlyList<AlertView> alerts) => new()
    {
        Snapshot = published.Snapshot with { Alerts = alerts },
        Json = published.Json,
        JsonGzip = published.JsonGzip,
        JsonBrotli = published.JsonBrotli,
        ETag = published.ETag,
        Details = published.Details,
    };

    private static double Current(DisplayMetricCatalog.Definition metric, int i) => metric.Unit == "%" ? 20 + i : 2 + i;

    /// <summary>Window where metric m at step t is m + t (idle: 80 − t), so values are predictable.</summary>
    public static ServerWindow Window(string name, ServerProfile profile, int serverIndex)
    {
        var values = new float[WindowSteps * MetricCatalog.Count];
        for (var t = 0; t < WindowSteps; t++)
        {
            for (var m = 0; m < MetricCatalog.Count; m++)
            {
                values[(t * MetricCatalog.Count) + m] = (Metric)m == Metric.CpuIdlePct ? 80 - t : m + t + serverIndex;
            }
        }

        var observed = Enumerable.Repeat(true, MetricCatalog.Count).ToArray();
        return new ServerWindow(name, profile, DataTime, StepSeconds, values, observed);
    }

    /// <summary>Forecast with p10 = 10 + h, p50 = 20 + h, p90 = 30 + h for every metric.</summary>
    public static ServerForecast Forecast(string name, string forecaster)
    {
        var quantiles = ServerForecast.StandardQuantiles;
        var values = new float[quantiles.Length * MetricCatalog.Count * HorizonSteps];
        for (var q = 0; q < quantiles.Length; q++)
        {
            for (var m = 0; m < MetricCatalog.Count; m++)
            {
                for (var h = 0; h < HorizonSteps; h++)
                {
                    values[(((q * MetricCatalog.Count) + m) * HorizonSteps) + h] = 10 + (q * 10) + h;
                }
            }
        }

        return new ServerForecast(name, forecaster, DataTime, StepSeconds, quantiles, HorizonSteps, values);
    }
}
