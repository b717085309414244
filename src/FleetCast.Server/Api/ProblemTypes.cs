namespace FleetCast.Server.Api;

/// <summary>The fixed vocabulary of error kinds: each has a stable type URI and one status code.</summary>
public static class ProblemTypes
{
    private const string Base = "https://fleetcast.dev/problems/";

    public static readonly ProblemKind Validation = new(Base + "validation", 400, "The request is invalid.");
    public static readonly ProblemKind HostNotAllowed = new(Base + "host-not-allowed", 400, "Host not allowed.");
    public static readonly ProblemKind UnsupportedMediaType = new(Base + "unsupported-media-type", 415, "The request body must be JSON.");
    public static readonly ProblemKind FormRequired = new(Base + "form-required", 415, "The request body must be a form.");
    public static readonly ProblemKind MalformedForm = new(Base + "malformed-form", 400, "The form could not be read.");
    public static readonly ProblemKind CrossOriginForm = new(Base + "cross-origin-form", 403, "The form was not sent from this server's own page.");
    public static readonly ProblemKind PayloadTooLarge = new(Base + "payload-too-large", 413, "The request body is too large.");
    public static readonly ProblemKind ServerNotFound = new(Base + "server-not-found", 404, "No such server.");
    public static readonly ProblemKind NoSnapshot = new(Base + "no-snapshot", 503, "No fleet snapshot has been computed yet.");
    public static readonly ProblemKind ExplanationUnavailable = new(Base + "explanation-unavailable", 409, "Explanations need the trained model to be forecasting this server.");
    public static readonly ProblemKind NoSimulator = new(Base + "no-simulator", 404, "No simulator runs in this process.");
    public static readonly ProblemKind UnknownScenario = new(Base + "unknown-scenario", 400, "Unknown scenario.");
    public static readonly ProblemKind ReloadUnavailable = new(Base + "reload-unavailable", 409, "The forecaster cannot be reloaded.");
    public static readonly ProblemKind ReloadFailed = new(Base + "reload-failed", 500, "Reloading the forecaster failed.");
    public static readonly ProblemKind ModelNotFound = new(Base + "model-not-found", 404, "No such registered model.");
    public static readonly ProblemKind ModelLoadFailed = new(Base + "model-load-failed", 409, "The model directory does not load.");
    public static readonly ProblemKind RetrainingRunning = new(Base + "retraining-running", 409, "A retraining job is already running.");
    public static readonly ProblemKind JobNotFound = new(Base + "job-not-found", 404, "No such retraining job.");
    public static readonly ProblemKind AlertNotFound = new(Base + "alert-not-found", 404, "No such alert is firing.");
    public static readonly ProblemKind SilenceNotFound = new(Base + "silence-not-found", 404, "No such silence.");
    public static readonly ProblemKind SilenceNotActive = new(Base + "silence-not-active", 409, "The silence has already ended.");
    public static readonly ProblemKind RemediationActionNotFound = new(Base + "remediation-action-not-found", 404, "No such remediation action.");
    public static readonly ProblemKind RemediationActionNotPending = new(Base + "remediation-action-not-pending", 409, "The remediation action is not pending.");
    public static readonly ProblemKind StorageFull = new(Base + "storage-full", 507, "The database or its disk is full.");
    public static readonly ProblemKind StorageIoError = new(Base + "storage-io-error", 503, "The database could not be written (I/O error).");
    public static readonly ProblemKind StorageNotWritable = new(Base + "storage-not-writable", 503, "Storage cannot be written.");
}

/// <summary>One error kind: type URI, HTTP status and title.</summary>
public sealed record ProblemKind(string Type, int Status, string Title);
