namespace FleetCast.Server.Storage;

/// <summary>Counts per destination over the deliveries the outbox still keeps (see Alerting:RetentionHours).</summary>
public sealed record DeliveryStats(
    string Destination,
    long Sent,
    long Failed,
    long Pending,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    DateTimeOffset? LastSuccessAt)
{
    public static DeliveryStats Empty(string destination) => new(destination, 0, 0, 0, null, null, null);
}
