namespace FleetCast.Server.Retraining;

/// <summary>The retraining service's state for the API and the dashboard.</summary>
/// <param name="Auto">Automatic retraining is on (Retraining:Auto).</param>
/// <param name="Consecutive">Degraded quality measurements in a row so far.</param>
/// <param name="Needed">Degraded measurements in a row that start an automatic job.</param>
/// <param name="LastReason">Why the newest measurement counted as degraded; null when it did not.</param>
/// <param name="NextAutoAllowedAt">Before this time no automatic job starts (minimum interval); null when one may start now.</param>
/// <param name="Job">The running job, else the last one; null before any.</param>
public sealed record RetrainingStatus(bool Auto, int Consecutive, int Needed, string? LastReason, DateTimeOffset? NextAutoAllowedAt, RetrainingJobView? Job);
