using FleetCast.Forecasting;
using FleetCast.Server.Alerting;
using FleetCast.Server.Integrations.Prometheus;
using FleetCast.Server.Integrations.Sources;
using FleetCast.Server.Remediation;
using FleetCast.Server.Retraining;

namespace FleetCast.Server.Hosting;

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

public sealed class ServerOptions
{
    public int Port { get; set; } = 8000;

    /// <summary>Address to bind: "127.0.0.1" (default, this machine only), "0.0.0.0"/"*" (all interfaces) or an IP.</summary>
    public string Bind { get; set; } = "127.0.0.1";

    public string DataDir { get; set; } = "./data";

    /// <summary>Seconds between heartbeat comments on the event stream.</summary>
    public int StreamHeartbeatSeconds { get; set; } = 15;
}

public sealed class ForecastOptions
{
    public int StepSeconds { get; set; } = 300;

    public int HorizonSteps { get; set; } = 96;

    public int LookbackSteps { get; set; } = 96;

    public int WindowSteps { get; set; } = 576;

    /// <summary>TFT chunks forecast at once, each by its own model replica on one core; 1 (the default)
    /// leaves the other core free for serving, 2 uses both for the step on a 2-core machine.</summary>
    public int Threads { get; set; } = 1;

    /// <summary>Directory of a trained model; null or empty = run on the primary baseline.</summary>
    public string? ModelDir { get; set; }

    /// <summary>Baseline used as the primary forecaster while no model is loaded: holt-winters, linear-trend or seasonal-naive.</summary>
    public string PrimaryBaseline { get; set; } = ForecasterCatalog.HoltWinters;

    /// <summary>A server with no sample for more than this many steps behind the fleet's data time is stale.</summary>
    public int StaleAfterSteps { get; set; } = 3;

    /// <summary>Store a fleet history point every this many engine steps.</summary>
    public int HistoryEverySteps { get; set; } = 1;

    /// <summary>How often the engine checks for a new data step, in milliseconds (wall clock).</summary>
    public int PollMilliseconds { get; set; } = 100;

    /// <summary>Linux nice value of the engine's thread (0 = normal priority … 19 = lowest): when the cores
    /// are busy, ingest, API and dashboard requests run before the step, which only waits (its result is
    /// due once per step, minutes apart). With <see cref="Threads"/> above 1 the extra TFT chunks run on
    /// pool threads at normal priority.</summary>
    public int StepNiceness { get; set; } = 10;

    /// <summary>Every this many engine steps the three baselines forecast a sample of the ready servers in the
    /// background, off the engine's thread, and are scored live against the serving forecaster on the same
    /// points (docs/dashboard.md, Drift &amp; model). 0 turns shadow scoring off.</summary>
    public int ShadowEverySteps { get; set; } = 12;

    /// <summary>Most ready servers the baselines forecast per shadow origin (a rotating sample beyond that),
    /// which bounds the shadow's CPU time and memory at any fleet size.</summary>
    public int ShadowMaxServers { get; set; } = 200;
}

public sealed class IngestLimitsOptions
{
    public long MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

    public int MaxFutureSkewSeconds { get; set; } = 300;

    public int MaxSamplesPerBatch { get; set; } = 100_000;
}

public sealed class SimulatorSettings
{
    public bool Enabled { get; set; } = true;

    public int Servers { get; set; } = 90;

    public int Seed { get; set; } = 42;

    /// <summary>Simulated steps per real second; 0 = real time.</summary>
    public double Speed { get; set; } = 1.0;

    public int BackfillSteps { get; set; } = 576;

    /// <summary>Per-step chance that a healthy simulated server spontaneously enters a critical issue
    /// (see the simulator's SimulatorOptions.CriticalIssueProbability).</summary>
    public double CriticalIssueProbability { get; set; } = 0.0001;
}

public sealed class RetentionOptions
{
    public int Days { get; set; } = 14;
}

public sealed class AuthOptions
{
    /// <summary>File with one API key per line; keys are also read from FLEETCAST_API_KEYS.</summary>
    public string? ApiKeyFile { get; set; }
}
