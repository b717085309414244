using FleetCast.Core.Alerts;
using FleetCast.Core.Profiles;

namespace FleetCast.Server.Storage;

/// <summary>Plans the deliveries of alert transitions from the routes' firing rows, so that
/// <see cref="AlertStore"/> can write the alert rows, the firing rows and the deliveries in one transaction
/// without knowing how alerts are routed.</summary>
public interface IAlertOutboxPlanner
{
    TimeProvider Time { get; }

    /// <param name="profiles">Profile per server; a server missing here has an unknown profile.</param>
    OutboxPlan Plan(IReadOnlyList<AlertTransition> transitions, IReadOnlyDictionary<string, ServerProfile> profiles, IReadOnlyList<FiringRow> firing);
}
