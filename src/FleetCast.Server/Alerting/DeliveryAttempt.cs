namespace FleetCast.Server.Alerting;

/// <summary>The outcome of one delivery round (the first try plus its immediate retries).</summary>
/// <param name="Attempts">HTTP requests made in this round.</param>
/// <param name="Permanent">The receiver rejected the body (a 4xx other than 408/429): retrying will not help.</param>
public sealed record DeliveryAttempt(bool Delivered, int Attempts, string? Error, bool Permanent = false);
