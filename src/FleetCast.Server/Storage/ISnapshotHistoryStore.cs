namespace FleetCast.Server.Storage;

/// <summary>Fleet snapshot summaries over time, taken on the engine's schedule (never when someone reads).</summary>
public interface ISnapshotHistoryStore
{
    void Append(SnapshotHistoryPoint point);

    IReadOnlyList<SnapshotHistoryPoint> Read(DateTimeOffset from, DateTimeOffset to);
}
