namespace FleetCast.Server.Storage;

/// <summary>One stored delivery and its state. Times are wall-clock times.</summary>
public sealed record OutboxDelivery(
    long Id,
    string Destination,
    string Payload,
    string Summary,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? FailedAt,
    string? LastError)
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    /// <summary>"pending", "delivered" or "failed".</summary>
    public string Status => DeliveredAt is not null ? Delivered : FailedAt is not null ? Failed : Pending;
}
