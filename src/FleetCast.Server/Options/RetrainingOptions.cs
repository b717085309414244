namespace FleetCast.Server.Options;

/// <summary>Retraining on the fleet's own stored samples (configuration section <c>Retraining</c>).</summary>
public sealed class RetrainingOptions
{
    /// <summary>Start a retraining job by itself when drift or live accuracy stay degraded (the off switch).</summary>
    public bool Auto { get; set; } = true;

    /// <summary>Least time between two automatic jobs (started or finished), in hours.</summary>
    public double MinIntervalHours { get; set; } = 24;

    /// <summary>Consecutive degraded quality measurements (distinct drift measurements) before an automatic job.</summary>
    public int ConsecutiveMeasurements { get; set; } = 6;

    /// <summary>A drift measurement counts as degraded when at least this many metrics drifted significantly (PSI ≥ 0.25).</summary>
    public int DriftedMetrics { get; set; } = 3;

    /// <summary>Live accuracy counts as degraded when the serving model's live pinball is this many times the best
    /// shadow baseline's (on sufficient points); 0 = live accuracy never triggers.</summary>
    public double LiveWorseThanBaseline { get; set; } = 1.2;

    /// <summary>Seconds between two looks at the quality report.</summary>
    public int CheckSeconds { get; set; } = 30;

    /// <summary>The newest this many days are held out: the candidate never trains on them, and candidate and
    /// current model are both scored on them.</summary>
    public double HeldOutDays { get; set; } = 1;

    /// <summary>Newest days of stored samples read for a job (held-out part included).</summary>
    public double MaxDays { get; set; } = 14;

    /// <summary>Data sufficiency: at least <see cref="MinServers"/> servers with <see cref="MinDays"/> days of samples
    /// before the held-out part.</summary>
    public int MinServers { get; set; } = 2;

    public double MinDays { get; set; } = 3;

    public int Epochs { get; set; } = 8;

    public int WindowsPerEpoch { get; set; } = 1600;

    public int ValidationWindows { get; set; } = 400;

    public double TimeBudgetMinutes { get; set; } = 30;

    /// <summary>Peak learning rate of the candidate's training (Adam, warm-up then cosine decay).</summary>
    public double LearningRate { get; set; } = 1e-3;

    /// <summary>Start from the serving model's weights (same configuration) rather than from scratch.</summary>
    public bool FineTune { get; set; } = true;

    /// <summary>Linux nice value of the job's thread (19 = lowest), so the engine's step keeps its time.</summary>
    public int Niceness { get; set; } = 19;

    /// <summary>Where candidate model directories are written; empty = &lt;data dir&gt;/models.</summary>
    public string? ModelsDir { get; set; }

    /// <summary>Each setting that is out of range, by its configuration name.</summary>
    public IEnumerable<string> Errors()
    {
        if (MinIntervalHours < 0)
        {
            yield return "Retraining:MinIntervalHours must not be negative.";
        }

        if (ConsecutiveMeasurements < 1)
        {
            yield return "Retraining:ConsecutiveMeasurements must be at least 1.";
        }

        if (DriftedMetrics < 1)
        {
            yield return "Retraining:DriftedMetrics must be at least 1.";
        }

        if (LiveWorseThanBaseline < 0)
        {
            yield return "Retraining:LiveWorseThanBaseline must not be negative (0 = off).";
        }

        if (CheckSeconds < 1)
        {
            yield return "Retraining:CheckSeconds must be at least 1.";
        }

        if (HeldOutDays <= 0 || MaxDays <= HeldOutDays)
        {
            yield return "Retraining:HeldOutDays must be positive and below Retraining:MaxDays.";
        }

        if (MinServers < 1 || MinDays <= 0)
        {
            yield return "Retraining:MinServers must be at least 1 and Retraining:MinDays positive.";
        }

        if (Epochs < 1 || WindowsPerEpoch < 1 || ValidationWindows < 1 || TimeBudgetMinutes <= 0 || LearningRate <= 0)
        {
            yield return "Retraining:Epochs, WindowsPerEpoch, ValidationWindows, TimeBudgetMinutes and LearningRate must be positive.";
        }

        if (Niceness is < 0 or > 19)
        {
            yield return "Retraining:Niceness must be 0–19.";
        }
    }
}
