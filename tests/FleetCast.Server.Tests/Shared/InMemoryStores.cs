using FleetCast.Core.Alerts;
using FleetCast.Server.Storage;

namespace FleetCast.Server.Tests.Shared;

public sealed class InMemoryAlertStore : IAlertStore
{
    private readonly List<AlertTransition> _transitions = [];

    public IReadOnlyList<ActiveAlert> Restored { get; init; } = [];

    public IReadOnlyList<AlertTransition> Transitions
    {
        get
        {
            lock (_transitions)
            {
                return [.. _transitions];
            }
        }
    }

    public void Record(IReadOnlyList<AlertTransition> transitions)
    {
        lock (_transitions)
        {
            _transitions.AddRange(transitions);
        }
    }

    public IReadOnlyList<ActiveAlert> LoadActive() => Restored;

    public List<AlertPrediction> Opened { get; } = [];

    public List<AlertOutcomeSettlement> Settled { get; } = [];

    public void RecordOutcomes(IReadOnlyList<AlertPrediction> opened, IReadOnlyList<AlertOutcomeSettlement> settled)
    {
        lock (_transitions)
        {
            Opened.AddRange(opened);
            Settled.AddRange(settled);
        }
    }

    public IReadOnlyList<AlertPrediction> LoadOpenPredictions() => [];

    public IReadOnlyList<(string Server, DateTimeOffset StartedAt)> LoadSettledActive() => [];

    public IReadOnlyList<AlertOutcomeCounts> LoadOutcomeCounts() => [];

    public IReadOnlyList<AlertRecord> History(DateTimeOffset from, DateTimeOffset to, string? server = null, int limit = 10000) => [];
}

public sealed class InMemoryHistoryStore : ISnapshotHistoryStore
{
    private readonly List<SnapshotHistoryPoint> _points = [];

    public IReadOnlyList<SnapshotHistoryPoint> Points
    {
        get
        {
            lock (_points)
            {
                return [.. _points];
            }
        }
    }

    public void Append(SnapshotHistoryPoint point)
    {
        lock (_points)
        {
            _points.Add(point);
        }
    }

    public IReadOnlyList<SnapshotHistoryPoint> Read(DateTimeOffset from, DateTimeOffset to) =>
        Points.Where(p => p.DataTime >= from && p.DataTime <= to).ToList();
}
