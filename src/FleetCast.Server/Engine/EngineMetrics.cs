using Prometheus;

namespace FleetCast.Server.Engine;

/// <summary>The engine's Prometheus metrics plus the latest values the status route reports.</summary>
public sealed class EngineMetrics
{
    private long _lastStepTicks;

    public EngineMetrics(CollectorRegistry registry)
    {
        var factory = Metrics.WithCustomRegistry(registry);
        StepDuration = factory.CreateHistogram("fleetcast_snapshot_step_seconds", "Time to build and publish one fleet snapshot (forecast, score, summary, serialise).",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.005, 2, 12) });
        SkippedSteps = factory.CreateCounter("fleetcast_snapshot_skipped_steps_total", "Data steps the engine did not compute because newer data had already arrived (it does not catch up).");
        FailedSteps = factory.CreateCounter("fleetcast_snapshot_failed_steps_total", "Engine steps that failed with an error.");
        SnapshotVersion = factory.CreateGauge("fleetcast_snapshot_version", "Version of the published fleet snapshot.");
        SnapshotDataTime = factory.CreateGauge("fleetcast_snapshot_data_time_seconds", "Data time of the published snapshot (Unix seconds).");
        Servers = factory.CreateGauge("fleetcast_servers", "Servers in the published snapshot.", new GaugeConfiguration { LabelNames = ["state"] });
        ActiveAlerts = factory.CreateGauge("fleetcast_active_alerts", "Firing alerts in the published snapshot.", new GaugeConfiguration { LabelNames = ["severity"] });
        ForecastFailures = factory.CreateCounter("fleetcast_forecast_failures_total", "Forecaster batches that failed; their servers fell back to the warm-up forecaster for that step.",
            new CounterConfiguration { LabelNames = ["forecaster"] });
        ForecastDuration = factory.CreateHistogram("fleetcast_forecast_batch_seconds", "Time of one forecaster batch.",
            new HistogramConfiguration { LabelNames = ["forecaster"], Buckets = Histogram.ExponentialBuckets(0.001, 2, 14) });
    }

    public Histogram StepDuration { get; }

    public Counter SkippedSteps { get; }

    public Counter FailedSteps { get; }

    public Gauge SnapshotVersion { get; }

    public Gauge SnapshotDataTime { get; }

    public Gauge Servers { get; }

    public Gauge ActiveAlerts { get; }

    public Histogram ForecastDuration { get; }

    public Counter ForecastFailures { get; }

    /// <summary>Duration of the most recent step.</summary>
    public TimeSpan LastStepDuration => TimeSpan.FromTicks(Interlocked.Read(ref _lastStepTicks));

    internal void RecordStep(TimeSpan duration)
    {
        Interlocked.Exchange(ref _lastStepTicks, duration.Ticks);
        StepDuration.Observe(duration.TotalSeconds);
    }
}
