using FleetCast.Core.Alerts;
using FleetCast.Core.Profiles;
using FleetCast.Server.Storage;

namespace FleetCast.Server.Alerting;

/// <summary>Turns alert transitions into outbox deliveries: one per (transition, matching route), with the
/// body that route's type expects.</summary>
public sealed class AlertRouter
{
    public AlertRouter(IReadOnlyList<AlertRoute> routes, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(routes);
        Routes = routes;
        Time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public IReadOnlyList<AlertRoute> Routes { get; }

    public TimeProvider Time { get; }

    /// <summary>Routes built from settings (which the host validated at start).</summary>
    public static AlertRouter FromOptions(AlertingOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AlertRouter(options.Routes.Select((r, i) => AlertRoute.Create(r, i)).ToArray(), time);
    }

    public AlertRoute? Find(string name) => Routes.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    /// <param name="profiles">Profile per server; a server missing here has an unknown profile.</param>
    public IReadOnlyList<OutboxMessage> Plan(IReadOnlyList<AlertTransition> transitions, IReadOnlyDictionary<string, ServerProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        ArgumentNullException.ThrowIfNull(profiles);
        if (Routes.Count == 0)
        {
            return [];
        }

        var messages = new List<OutboxMessage>();
        foreach (var transition in transitions.SelectMany(ForReceivers))
        {
            ServerProfile? profile = profiles.TryGetValue(transition.Alert.Server, out var p) ? p : null;
            foreach (var route in Routes.Where(r => r.Matches(transition.Alert, profile)))
            {
                var payload = route.Type == AlertRouteType.Alertmanager
                    ? AlertPayloads.Alertmanager(transition, profile)
                    : AlertPayloads.Webhook(transition, profile);
                messages.Add(new OutboxMessage(route.Name, payload, AlertPayloads.Summary(transition)));
            }
        }

        return messages;
    }

    /// <summary>Receivers identify an alert by its labels, severity included: a severity change within one
    /// lifecycle reaches them as the old severity resolved and the new one firing (since the lifecycle's start).</summary>
    private static IEnumerable<AlertTransition> ForReceivers(AlertTransition transition)
    {
        if (transition.Kind != AlertTransitionKind.SeverityChanged || transition.PreviousSeverity is not { } previous)
        {
            yield return transition;
            yield break;
        }

        yield return new AlertTransition(transition.Alert with { Severity = previous }, AlertTransitionKind.Resolved, transition.At);
        yield return new AlertTransition(transition.Alert, AlertTransitionKind.Fired, transition.At);
    }
}
