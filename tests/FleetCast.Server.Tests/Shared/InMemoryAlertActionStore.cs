using FleetCast.Core.Alerts;
using FleetCast.Server.Storage;

namespace FleetCast.Server.Tests.Shared;

/// <summary>An <see cref="IAlertActionStore"/> in memory for the dashboard tests (no alert events stored).</summary>
public sealed class InMemoryAlertActionStore : IAlertActionStore
{
    private readonly Dictionary<string, Acknowledgement> _acknowledgements = new(StringComparer.Ordinal);
    private readonly List<Silence> _silences = [];

    public void SaveAcknowledgement(Acknowledgement acknowledgement) => _acknowledgements[acknowledgement.Key] = acknowledgement;

    public IReadOnlyList<Acknowledgement> LoadAcknowledgements() => _acknowledgements.Values.ToArray();

    public Silence AddSilence(Silence silence)
    {
        var stored = silence with { Id = _silences.Count + 1 };
        _silences.Add(stored);
        return stored;
    }

    public Silence? FindSilence(long id) => _silences.FirstOrDefault(s => s.Id == id);

    public bool CancelSilence(long id, string by, DateTimeOffset at)
    {
        var index = _silences.FindIndex(s => s.Id == id && s.IsActiveAt(at));
        if (index < 0)
        {
            return false;
        }

        _silences[index] = _silences[index] with { CancelledAt = at, CancelledBy = by };
        return true;
    }

    public IReadOnlyList<Silence> LoadSilences(DateTimeOffset now, bool includeInactive = false, int limit = 1000) =>
        _silences.Where(s => includeInactive || s.IsActiveAt(now)).OrderBy(s => s.Until).Take(limit).ToArray();

    public long? FindOpenAlertId(string server, string metric, string severity) => null;

    public (string Server, string Metric, string Severity)? FindOpenAlert(long alertId) => null;

    public IReadOnlyDictionary<string, long> OpenAlertIds() => new Dictionary<string, long>();
}
