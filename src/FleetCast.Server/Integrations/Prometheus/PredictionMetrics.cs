using System.Globalization;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Server.Engine;
using FleetCast.Server.Options;
using Prometheus;

namespace FleetCast.Server.Integrations.Prometheus;

/// <summary>Per-server predictions on <c>/metrics</c> for Prometheus and Grafana: risk score, level and the
/// near-horizon p50/p90 of key metrics. Filled from the published snapshot when scraped (nothing is done
/// between scrapes); at most <see cref="PredictionMetricsOptions.MaxServers"/> servers, highest risk first, so
/// the number of series stays bounded on any fleet. Series of servers that drop out are removed.</summary>
public sealed class PredictionMetrics
{
    /// <summary>The metrics whose forecast is exported (the ones alerts and dashboards watch most).</summary>
    public static readonly IReadOnlyList<Metric> KeyMetrics =
        [Metric.CpuUserPct, Metric.CpuIowaitPct, Metric.MemUsedPct, Metric.SwapUsedPct, Metric.DiskUsagePct, Metric.LoadAverage];

    public static readonly IReadOnlyList<double> ExportedQuantiles = [0.5, 0.9];

    /// <summary>Risk score, level, and one series per key metric and quantile.</summary>
    public static int SeriesPerServer => 2 + (KeyMetrics.Count * ExportedQuantiles.Count);

    private readonly ISnapshotSource _snapshots;
    private readonly PredictionMetricsOptions _options;
    private readonly int _stepSeconds;
    private readonly int _horizonSteps;
    private readonly Gauge _risk;
    private readonly Gauge _level;
    private readonly Gauge _forecast;
    private readonly Gauge _exported;
    private readonly Gauge _omitted;
    private readonly Lock _lock = new();
    private HashSet<string[]> _riskLabels = new(LabelComparer.Instance);
    private HashSet<string[]> _forecastLabels = new(LabelComparer.Instance);
    private long _version = -1;

    public PredictionMetrics(CollectorRegistry registry, ISnapshotSource snapshots, PredictionMetricsOptions options, int stepSeconds, int horizonSteps)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _snapshots = snapshots;
        _options = options;
        _stepSeconds = stepSeconds;
        _horizonSteps = horizonSteps;
        var factory = Metrics.WithCustomRegistry(registry);
        _risk = factory.CreateGauge("fleetcast_server_risk_score", "Risk score 0-100 of the server in the published snapshot.",
            new GaugeConfiguration { LabelNames = ["server", "profile"] });
        _level = factory.CreateGauge("fleetcast_server_level", "Risk level of the server: 0 healthy, 1 watch, 2 degrading, 3 warning, 4 danger, 5 critical, 6 imminent failure.",
            new GaugeConfiguration { LabelNames = ["server", "profile"] });
        _forecast = factory.CreateGauge("fleetcast_server_forecast", "Forecast quantile of a key metric at horizon_minutes ahead of the snapshot's data time (the metric's own unit).",
            new GaugeConfiguration { LabelNames = ["server", "profile", "metric", "quantile", "horizon_minutes"] });
        _exported = factory.CreateGauge("fleetcast_prediction_servers_exported", "Servers whose predictions are on /metrics (at most PredictionMetrics:MaxServers).");
        _omitted = factory.CreateGauge("fleetcast_prediction_servers_omitted", "Servers left off /metrics by the PredictionMetrics:MaxServers cap (the lowest risk ones).");
        registry.AddBeforeCollectCallback(Refresh);
    }

    /// <summary>The exported horizon in steps: HorizonMinutes rounded to whole steps, within 1..the forecast horizon.</summary>
    public int HorizonSteps => Math.Clamp((int)Math.Round(_options.HorizonMinutes * 60.0 / _stepSeconds), 1, _horizonSteps);

    /// <summary>Brings the series up to the current snapshot (once per snapshot version).</summary>
    public void Refresh()
    {
        if (_snapshots.Current is not { } published)
        {
            return;
        }

        lock (_lock)
        {
            if (published.Snapshot.Version == _version)
            {
                return;
            }

            Export(published);
            _version = published.Snapshot.Version;
        }
    }

    private void Export(PublishedSnapshot published)
    {
        var rows = published.Snapshot.Servers
            .OrderByDescending(r => r.RiskScore)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .Take(_options.MaxServers)
            .ToList();
        var horizon = HorizonSteps;
        var horizonLabel = (horizon * _stepSeconds / 60).ToString(CultureInfo.InvariantCulture);
        var riskLabels = new HashSet<string[]>(LabelComparer.Instance);
        var forecastLabels = new HashSet<string[]>(LabelComparer.Instance);
        foreach (var row in rows)
        {
            string[] server = [row.Name, ProfileNames.ToWire(row.Profile)];
            _risk.WithLabels(server).Set(row.RiskScore);
            _level.WithLabels(server).Set((int)row.Level);
            riskLabels.Add(server);
            if (row.Stale || !published.Details.TryGetValue(row.Name, out var detail) || detail.Forecast is not { } forecast)
            {
                continue;
            }

            var step = Math.Min(horizon, forecast.HorizonSteps) - 1;
            foreach (var quantile in ExportedQuantiles)
            {
                var index = forecast.QuantileIndex(quantile);
                var quantileLabel = quantile.ToString("0.0#", CultureInfo.InvariantCulture);
                foreach (var metric in KeyMetrics)
                {
                    var value = forecast.Series(index, metric)[step];
                    if (!float.IsFinite(value))
                    {
                        continue;
                    }

                    string[] labels = [row.Name, server[1], MetricCatalog.WireName(metric), quantileLabel, horizonLabel];
                    _forecast.WithLabels(labels).Set(value);
                    forecastLabels.Add(labels);
                }
            }
        }

        Remove(_risk, _riskLabels, riskLabels);
        Remove(_level, _riskLabels, riskLabels);
        Remove(_forecast, _forecastLabels, forecastLabels);
        _riskLabels = riskLabels;
        _forecastLabels = forecastLabels;
        _exported.Set(rows.Count);
        _omitted.Set(published.Snapshot.Servers.Count - rows.Count);
    }

    private static void Remove(Gauge gauge, HashSet<string[]> before, HashSet<string[]> now)
    {
        foreach (var labels in before)
        {
            if (!now.Contains(labels))
            {
                gauge.RemoveLabelled(labels);
            }
        }
    }

    private sealed class LabelComparer : IEqualityComparer<string[]>
    {
        public static readonly LabelComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(string[] obj)
        {
            var hash = default(HashCode);
            foreach (var s in obj)
            {
                hash.Add(s, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}
