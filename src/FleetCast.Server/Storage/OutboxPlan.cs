namespace FleetCast.Server.Storage;

/// <summary>What a planner decided inside one outbox transaction: the deliveries to enqueue, the firing
/// rows it set and the (route, key) rows it removed. Storage writes it back as given.</summary>
public sealed record OutboxPlan(
    IReadOnlyList<OutboxMessage> Messages,
    IReadOnlyList<FiringRow> Firing,
    IReadOnlyList<(string Route, string Key)> Removed)
{
    public static readonly OutboxPlan Empty = new([], [], []);
}
