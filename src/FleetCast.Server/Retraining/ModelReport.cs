namespace FleetCast.Server.Retraining;

/// <summary>What the registry knows about a model besides its files (the <c>report</c> column, JSON).</summary>
/// <param name="Source">"configured" (Forecast:ModelDir at start) or "retrained" (a retraining job's candidate).</param>
/// <param name="Decision">"serving" (registered as the configured model), "adopted" or "rejected" (a candidate).</param>
/// <param name="Reason">Why the candidate was adopted or rejected, in words.</param>
/// <param name="HeldOut">This model's score on its job's held-out data.</param>
/// <param name="CurrentHeldOut">The model serving when the job ran, scored on the same held-out data.</param>
/// <param name="JobId">The retraining job that made it.</param>
/// <param name="Training">Summary of its training run, when known.</param>
public sealed record ModelReport(
    string Source,
    string Decision,
    string? Reason = null,
    HeldOutScore? HeldOut = null,
    HeldOutScore? CurrentHeldOut = null,
    long? JobId = null,
    TrainingSummary? Training = null);

/// <summary>The few training facts shown beside a registered model.</summary>
public sealed record TrainingSummary(int Epochs, double BestValidationLoss, double TrainingSeconds, int Servers, double Days, string StopReason);
