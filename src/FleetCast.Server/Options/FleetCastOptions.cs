namespace FleetCast.Server.Options;

/// <summary>Root of FleetCast's settings, bound to the "FleetCast" configuration section (or built by the CLI).</summary>
public sealed class FleetCastOptions
{
    public const string SectionName = "FleetCast";

    public ServerOptions Server { get; set; } = new();

    public ForecastOptions Forecast { get; set; } = new();

    public IngestLimitsOptions Ingest { get; set; } = new();

    public SimulatorSettings Simulator { get; set; } = new();

    public RetentionOptions Retention { get; set; } = new();

    public AuthOptions Auth { get; set; } = new();

    public AlertingOptions Alerting { get; set; } = new();

    public PredictionMetricsOptions PredictionMetrics { get; set; } = new();

    public SourcesOptions Sources { get; set; } = new();

    public RemediationOptions Remediation { get; set; } = new();
    public RetrainingOptions Retraining { get; set; } = new();
}
