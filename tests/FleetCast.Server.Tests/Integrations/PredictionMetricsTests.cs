using System.Globalization;
using System.Text;
using FleetCast.Core.Alerts;
using FleetCast.Core.Scoring;
using FleetCast.Core.Thresholds;
using FleetCast.Server.Engine;
using FleetCast.Server.Integrations.Prometheus;
using FleetCast.Server.Options;
using FleetCast.Server.Tests.Shared;
using FleetCast.Server.Windows;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Prometheus;

namespace FleetCast.Server.Tests.Integrations;

public sealed class PredictionMetricsTests
{
    private readonly WindowStore _windows = new(new WindowStoreOptions { StepSeconds = 300, WindowSteps = 8, LookbackSteps = 4 });
    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();
    private readonly SnapshotEngine _engine;
    private readonly DateTimeOffset _origin = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public PredictionMetricsTests()
    {
        var options = new FleetCastOptions();
        options.Forecast.LookbackSteps = 4;
        options.Forecast.WindowSteps = 8;
        options.Forecast.HorizonSteps = 12;
        _engine = new SnapshotEngine(_windows, new InMemoryAlertStore(), new InMemoryHistoryStore(),
            new ForecasterSet(new FakeForecaster("primary", band: 2), new FakeForecaster("warm-up")), new EngineMetrics(Metrics.NewCustomRegistry()),
            Microsoft.Extensions.Options.Options.Create(options), ThresholdTable.Default, ScoringOptions.Default, TestAlertRules.FireAtOnce, TimeProvider.System,
            NullLogger<SnapshotEngine>.Instance);
    }

    private PredictionMetrics Exporter(int maxServers = 500, int horizonMinutes = 30) =>
        new(_registry, _engine, new PredictionMetricsOptions { MaxServers = maxServers, HorizonMinutes = horizonMinutes }, stepSeconds: 300, horizonSteps: 12);

    private void Feed(string server, int fromStep, int toStep, double memory) =>
        _windows.Apply(Enumerable.Range(fromStep, toStep - fromStep + 1).Select(s => TestSamples.Healthy(server, _origin.AddMinutes(5 * s), memory)).ToList());

    private async Task<string[]> Scrape()
    {
        using var stream = new MemoryStream();
        await _registry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray()).Split('\n');
    }

    /// <summary>Two servers (ppweb001 at 97 % memory, ppdb001 at 40 %) and a cap of one exported server.</summary>
    private async Task<string[]> ScrapeCappedAtOneWithWebRiskiest()
    {
        Exporter(maxServers: 1);
        Feed("ppdb001", 0, 5, memory: 40);
        Feed("ppweb001", 0, 5, memory: 97);
        _engine.TryStep();
        return await Scrape();
    }

    private static double? Value(string[] lines, string series)
    {
        var line = lines.SingleOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Scrape_ExportsRiskLevelAndNearHorizonQuantilesOfThePublishedSnapshot()
    {
        var exporter = Exporter(horizonMinutes: 30);
        Feed("ppdb001", 0, 5, memory: 92);
        Feed("ppweb001", 0, 5, memory: 40);
        var published = _engine.TryStep()!;

        var lines = await Scrape();

        var db = published.Snapshot.Servers.Single(r => r.Name == "ppdb001");
        Assert.Equal(6, exporter.HorizonSteps);
        Assert.Equal(db.RiskScore, Value(lines, "fleetcast_server_risk_score{server=\"ppdb001\",profile=\"database\"}"));
        Assert.Equal((int)db.Level, Value(lines, "fleetcast_server_level{server=\"ppdb001\",profile=\"database\"}"));
        Assert.Equal(92, Value(lines, "fleetcast_server_forecast{server=\"ppdb001\",profile=\"database\",metric=\"mem_used_pct\",quantile=\"0.5\",horizon_minutes=\"30\"}"));
        Assert.Equal(94, Value(lines, "fleetcast_server_forecast{server=\"ppdb001\",profile=\"database\",metric=\"mem_used_pct\",quantile=\"0.9\",horizon_minutes=\"30\"}"));
        Assert.Equal(40, Value(lines, "fleetcast_server_forecast{server=\"ppweb001\",profile=\"web_api\",metric=\"mem_used_pct\",quantile=\"0.5\",horizon_minutes=\"30\"}"));
        Assert.Equal(2, Value(lines, "fleetcast_prediction_servers_exported"));
        Assert.Equal(0, Value(lines, "fleetcast_prediction_servers_omitted"));
    }

    [Fact]
    public async Task Scrape_MoreServersThanTheCap_ExportsTheHighestRiskOnesAndCountsTheRest()
    {
        var lines = await ScrapeCappedAtOneWithWebRiskiest();

        Assert.Contains(lines, l => l.StartsWith("fleetcast_server_risk_score{server=\"ppweb001\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("server=\"ppdb001\"", StringComparison.Ordinal));
        Assert.Equal(1, Value(lines, "fleetcast_prediction_servers_exported"));
        Assert.Equal(1, Value(lines, "fleetcast_prediction_servers_omitted"));
        Assert.Equal(PredictionMetrics.SeriesPerServer, lines.Count(l => l.StartsWith("fleetcast_server_", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Scrape_ServerFallsOutOfTheTop_ItsSeriesAreRemoved()
    {
        var before = await ScrapeCappedAtOneWithWebRiskiest();
        Feed("ppdb001", 6, 6, memory: 99);
        Feed("ppweb001", 6, 6, memory: 30);
        _engine.TryStep();

        var after = await Scrape();

        Assert.Contains(before, l => l.Contains("server=\"ppweb001\"", StringComparison.Ordinal));
        Assert.DoesNotContain(after, l => l.Contains("server=\"ppweb001\"", StringComparison.Ordinal));
        Assert.Contains(after, l => l.StartsWith("fleetcast_server_level{server=\"ppdb001\"", StringComparison.Ordinal));
    }
}
