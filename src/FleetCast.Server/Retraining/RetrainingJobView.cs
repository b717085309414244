namespace FleetCast.Server.Retraining;

/// <summary>A retraining job as the API shows it.</summary>
/// <param name="Trigger">"manual" (the admin API or dashboard) or "auto: …" with the reason.</param>
/// <param name="State">"running", then "adopted", "rejected", "insufficient-data", "failed" or "cancelled".</param>
/// <param name="Phase">What it is doing now, in words.</param>
/// <param name="Progress">0–1.</param>
/// <param name="Message">The outcome in words once it ended.</param>
/// <param name="ModelId">The registry id of its candidate (adopted or rejected).</param>
/// <param name="Candidate">The candidate's held-out score.</param>
/// <param name="Current">The serving model's score on the same held-out data.</param>
public sealed record RetrainingJobView(
    long Id,
    string Trigger,
    string State,
    string Phase,
    double Progress,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? Message,
    long? ModelId,
    HeldOutScore? Candidate,
    HeldOutScore? Current)
{
    public bool Running => State == RetrainingJob.Running;
}
