using FleetCast.Core.Alerts;

namespace FleetCast.Server.Alerting;

/// <summary>Whether an alert is silenced or its firing episode acknowledged now: such an alert is not sent
/// or re-sent (its resolution neither).</summary>
public interface IAlertMutes
{
    /// <param name="metric">Wire name.</param>
    /// <param name="startedAt">Data time the firing episode started.</param>
    bool IsMuted(string server, string metric, AlertSeverity severity, DateTimeOffset startedAt);
}
