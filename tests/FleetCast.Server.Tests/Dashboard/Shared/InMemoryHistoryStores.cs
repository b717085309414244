using FleetCast.Core.Alerts;
using FleetCast.Server.Storage;

namespace FleetCast.Server.Tests.Dashboard.Shared;

/// <summary>In-memory snapshot history and alert stores that filter like the SQLite ones and remember
/// the last range they were asked for.</summary>
public sealed class InMemoryHistoryStores : ISnapshotHistoryStore, IAlertStore
{
    public List<SnapshotHistoryPoint> Points { get; } = [];

    public List<AlertRecord> Alerts { get; } = [];

    public (DateTimeOffset From, DateTimeOffset To, string? Server)? LastAlertQuery { get; private set; }

    public int AlertQueries { get; private set; }

    public void Append(SnapshotHistoryPoint point) => Points.Add(point);

    public IReadOnlyList<SnapshotHistoryPoint> Read(DateTimeOffset from, DateTimeOffset to) =>
        Points.Where(p => p.DataTime >= from && p.DataTime <= to).OrderBy(p => p.DataTime).ToArray();

    public void Record(IReadOnlyList<AlertTransition> transitions) => throw new InvalidOperationException("The dashboard never records alerts.");

    public IReadOnlyList<ActiveAlert> LoadActive() => [];

    public void RecordOutcomes(IReadOnlyList<AlertPrediction> opened, IReadOnlyList<AlertOutcomeSettlement> settled) =>
        throw new InvalidOperationException("The dashboard never records alert outcomes.");

    public IReadOnlyList<AlertPrediction> LoadOpenPredictions() => [];

    public IReadOnlyList<(string Server, DateTimeOffset StartedAt)> LoadSettledActive() => [];

    public IReadOnlyList<AlertOutcomeCounts> LoadOutcomeCounts() => [];

    public IReadOnlyList<AlertRecord> History(DateTimeOffset from, DateTimeOffset to, string? server = null, int limit = 10_000)
    {
        LastAlertQuery = (from, to, server);
        AlertQueries++;
        return Alerts
            .Where(a => a.StartedAt <= to && (a.EndedAt is null || a.EndedAt >= from) && (server is null || a.Server == server))
            .OrderByDescending(a => a.StartedAt)
            .Take(limit)
            .ToArray();
    }
}
