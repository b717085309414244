using FleetCast.Core.Alerts;

namespace FleetCast.Server.Alerting;

/// <summary>Whether an alert (a server's incident) is silenced or its firing episode acknowledged now: such an
/// alert is not sent or re-sent (its resolution neither).</summary>
public interface IAlertMutes
{
    /// <param name="metrics">Wire names of the incident's metrics (headline first). Silences mute it only when
    /// every one of them is silenced, so a silence of one metric does not hide an incident of another.</param>
    /// <param name="startedAt">Data time the firing episode started.</param>
    bool IsMuted(string server, IReadOnlyList<string> metrics, AlertSeverity severity, DateTimeOffset startedAt);
}
