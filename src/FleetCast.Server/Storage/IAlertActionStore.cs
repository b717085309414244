using FleetCast.Core.Alerts;

namespace FleetCast.Server.Storage;

/// <summary>Acknowledgements and silences, kept across restarts. Input is validated by the caller
/// (the alerting subsystem's AlertActions); the store only persists.</summary>
public interface IAlertActionStore
{
    /// <summary>Stores an acknowledgement, replacing an earlier one of the same alert key.</summary>
    void SaveAcknowledgement(Acknowledgement acknowledgement);

    IReadOnlyList<Acknowledgement> LoadAcknowledgements();

    /// <summary>Inserts a silence and returns it with its new id (the given id is ignored).</summary>
    Silence AddSilence(Silence silence);

    Silence? FindSilence(long id);

    /// <summary>Marks an active silence cancelled. False when it does not exist, was cancelled already, or expired by <paramref name="at"/>.</summary>
    bool CancelSilence(long id, string by, DateTimeOffset at);

    /// <summary>Silences active at <paramref name="now"/>, soonest end first; with <paramref name="includeInactive"/>
    /// also the expired and cancelled ones (newest first after the active ones), at most <paramref name="limit"/>.</summary>
    IReadOnlyList<Silence> LoadSilences(DateTimeOffset now, bool includeInactive = false, int limit = 1_000);

    /// <summary>The id of the stored, still open alert event (incident) of this server whose headline is this metric and severity, if any.</summary>
    long? FindOpenAlertId(string server, string metric, string severity);

    /// <summary>The server, headline metric wire name and severity text of the stored alert event with this id, if it is still open.</summary>
    (string Server, string Metric, string Severity)? FindOpenAlert(long alertId);

    /// <summary>Ids of all open alert events by server (one incident per server).</summary>
    IReadOnlyDictionary<string, long> OpenAlertIds();
}
