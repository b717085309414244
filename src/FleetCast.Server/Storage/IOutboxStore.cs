namespace FleetCast.Server.Storage;

/// <summary>The durable alert outbox: deliveries are stored before they are sent, so a restart resends
/// whatever was still pending. Times are wall-clock times.</summary>
public interface IOutboxStore
{
    void Enqueue(IReadOnlyList<OutboxMessage> messages, DateTimeOffset now);

    /// <summary>In one write transaction: loads the firing rows of every route, hands them to
    /// <paramref name="plan"/> (with the routes that have deliveries pending) and stores its
    /// <see cref="OutboxPlan"/>: firing rows set and removed, deliveries enqueued. Returns how many deliveries
    /// were enqueued.</summary>
    int EnqueuePlanned(Func<IReadOnlyList<FiringRow>, IReadOnlySet<string>, OutboxPlan> plan, DateTimeOffset now);

    /// <summary>Pending deliveries whose next attempt is due, oldest first. A delivery waiting behind an
    /// older pending one of the same destination that is backing off is not due (deliveries stay in order).</summary>
    IReadOnlyList<OutboxDelivery> Due(DateTimeOffset now, int limit);

    void MarkDelivered(long id, int attempts, DateTimeOffset at);

    /// <summary>Records a failed round: retried at <paramref name="retryAt"/>, or failed for good when it is null.</summary>
    void MarkAttemptFailed(long id, int attempts, string error, DateTimeOffset at, DateTimeOffset? retryAt);

    IReadOnlyList<DeliveryStats> Stats();

    /// <summary>The newest deliveries (any state), newest first.</summary>
    IReadOnlyList<OutboxDelivery> Recent(int limit, string? destination = null);

    /// <summary>Deletes finished deliveries older than <paramref name="finishedBefore"/> and keeps at most
    /// <paramref name="maxRows"/> rows (oldest finished deleted first; pending beyond the cap are dropped
    /// as failed). Returns the rows deleted and the pending deliveries dropped.</summary>
    (int Deleted, int Dropped) Trim(DateTimeOffset finishedBefore, int maxRows, DateTimeOffset now);
}
