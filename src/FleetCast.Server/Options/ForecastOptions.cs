using FleetCast.Forecasting;

namespace FleetCast.Server.Options;

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
