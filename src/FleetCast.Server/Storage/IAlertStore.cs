using FleetCast.Core.Alerts;
using FleetCast.Core.Profiles;

namespace FleetCast.Server.Storage;

/// <summary>Alert lifecycle events (fired, severity changed, resolved with end and duration) and their outcomes.</summary>
public interface IAlertStore
{
    void Record(IReadOnlyList<AlertTransition> transitions);

    /// <summary>Records transitions knowing each server's profile, which alert routing filters on; a
    /// store without routing ignores the profiles.</summary>
    void Record(IReadOnlyList<AlertTransition> transitions, IReadOnlyDictionary<string, ServerProfile> profiles) => Record(transitions);

    /// <summary>Alerts still firing when the process stopped.</summary>
    IReadOnlyList<ActiveAlert> LoadActive();

    /// <summary>Stores what predictive alerts claimed (<paramref name="opened"/>) and how claims settled.</summary>
    void RecordOutcomes(IReadOnlyList<AlertPrediction> opened, IReadOnlyList<AlertOutcomeSettlement> settled);

    /// <summary>Claims not settled when the process stopped.</summary>
    IReadOnlyList<AlertPrediction> LoadOpenPredictions();

    /// <summary>Lifecycles still firing when the process stopped whose claim had settled (they claim nothing more).</summary>
    IReadOnlyList<(string Server, DateTimeOffset StartedAt)> LoadSettledActive();

    /// <summary>Outcome counts of every stored prediction, per severity (warning, critical).</summary>
    IReadOnlyList<AlertOutcomeCounts> LoadOutcomeCounts();

    /// <summary>Alerts that were active at any time in [from, to] (data time), newest first.</summary>
    IReadOnlyList<AlertRecord> History(DateTimeOffset from, DateTimeOffset to, string? server = null, int limit = 10_000);
}
