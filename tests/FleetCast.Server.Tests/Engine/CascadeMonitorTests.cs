using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Samples;
using FleetCast.Core.Scoring;
using FleetCast.Core.Thresholds;
using FleetCast.Server.Engine;
using FleetCast.Server.Options;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;
using FleetCast.Server.Windows;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Prometheus;

namespace FleetCast.Server.Tests.Engine;

/// <summary>Cascade detection as the engine runs it: each step scores the live windows, detects and stores.</summary>
public sealed class CascadeMonitorTests : IDisposable
{
    private static readonly string[] Databases = ["ppdb001", "ppdb002"];
    private static readonly string[] Dependents = ["ppweb001", "ppweb002", "ppweb003", "ppweb004", "ppetl001", "ppetl002"];
    private static readonly DateTimeOffset Origin = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _temp = new();
    private readonly CascadeStore _store;
    private readonly WindowStore _windows = new(new WindowStoreOptions { StepSeconds = 300, WindowSteps = 8, LookbackSteps = 4 });

    public CascadeMonitorTests() => _store = new CascadeStore(_temp.Database);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void EngineSteps_DatabaseAndItsDependentsJump_CascadeWithDatabaseRootIsActiveAndStored()
    {
        var monitor = new CascadeMonitor(_store, NullLogger<CascadeMonitor>.Instance);
        var engine = Engine(monitor);

        for (var step = 0; step < 20; step++)
        {
            Step(engine, step, trouble: false);
        }

        Assert.Empty(monitor.Active);
        Step(engine, 20, trouble: true);

        var cascade = Assert.Single(monitor.Active);
        Assert.Equal(ServerProfile.Database, cascade.Dependency);
        Assert.Contains(cascade.RootCandidates[0].Server, Databases);
        Assert.Equal(Origin.AddMinutes(5 * 20), cascade.DetectedAt);
        Assert.Equal(Dependents.Length, cascade.Affected.Count(m => Dependents.Contains(m.Server)));
        var stored = Assert.Single(_store.LoadActive());
        Assert.Equal(cascade.Id, stored.Id);
    }

    [Fact]
    public void Observe_AfterARestart_CarriesOnTheStoredActiveCascade()
    {
        var first = new CascadeMonitor(_store, NullLogger<CascadeMonitor>.Instance);
        var engine = Engine(first);
        for (var step = 0; step <= 20; step++)
        {
            Step(engine, step, trouble: step == 20);
        }

        var before = Assert.Single(first.Active);

        var restarted = new CascadeMonitor(_store, NullLogger<CascadeMonitor>.Instance);
        Step(Engine(restarted), 21, trouble: true);

        var after = Assert.Single(restarted.Active);
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(before.StartedAt, after.StartedAt);
        Assert.Single(_store.Read(Origin, Origin.AddDays(1)));
    }

    private SnapshotEngine Engine(CascadeMonitor monitor)
    {
        var options = new FleetCastOptions();
        options.Forecast.LookbackSteps = 4;
        options.Forecast.WindowSteps = 8;
        options.Forecast.HorizonSteps = 6;
        return new SnapshotEngine(_windows, new InMemoryAlertStore(), new InMemoryHistoryStore(),
            new ForecasterSet(new FakeForecaster("primary", minHistorySteps: 1), new FakeForecaster("warm-up", minHistorySteps: 1)),
            new EngineMetrics(Metrics.NewCustomRegistry()), Microsoft.Extensions.Options.Options.Create(options), ThresholdTable.Default, ScoringOptions.Default,
            TestAlertRules.FireAtOnce, TimeProvider.System, NullLogger<SnapshotEngine>.Instance, cascades: monitor);
    }

    /// <summary>Feeds one step (values wobble a little; in trouble the databases' iowait and the dependents' load and
    /// CLOSE_WAIT jump) and lets the engine compute it.</summary>
    private void Step(SnapshotEngine engine, int step, bool trouble)
    {
        var at = Origin.AddMinutes(5 * step);
        var samples = new List<MetricSample>();
        foreach (var server in Databases.Concat(Dependents))
        {
            var sample = TestSamples.Healthy(server, at, memory: 50 + (step % 3));
            sample.Values[(int)Metric.BackCloseWait] = 5 + (step % 2);
            if (trouble)
            {
                var database = server.StartsWith("ppdb", StringComparison.Ordinal);
                sample.Values[(int)(database ? Metric.CpuIowaitPct : Metric.LoadAverage)] = database ? 40 : 12;
                sample.Values[(int)Metric.BackCloseWait] = database ? 5 : 60;
            }

            samples.Add(sample);
        }

        _windows.Apply(samples);
        Assert.NotNull(engine.TryStep());
    }
}
