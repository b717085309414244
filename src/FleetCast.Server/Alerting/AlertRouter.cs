using FleetCast.Core.Alerts;
using FleetCast.Core.Profiles;
using FleetCast.Server.Options;
using FleetCast.Server.Storage;

namespace FleetCast.Server.Alerting;

/// <summary>Plans outbox deliveries: for alert transitions (grouped per route and server when the route's
/// receiver groups) and for firing alerts that are due again (keep-alive re-sends and reminders). Keeps the
/// firing state per route up to date; silenced and acknowledged alerts are neither sent nor re-sent.</summary>
/// <remarks>A server has one incident; a receiver identifies it by its labels (server, headline metric,
/// severity). When a transition changes them (an escalation, a new headline), what the route was told under
/// the old labels is resolved and the incident fires under the new ones, since its start: a receiver sees at
/// most one alert per server at a time.</remarks>
public sealed class AlertRouter : IAlertOutboxPlanner
{
    public static readonly TimeSpan DefaultResendInterval = TimeSpan.FromSeconds(60);

    private readonly IAlertMutes? _mutes;

    public AlertRouter(IReadOnlyList<AlertRoute> routes, TimeProvider time, IAlertMutes? mutes = null, TimeSpan? resendInterval = null)
    {
        ArgumentNullException.ThrowIfNull(routes);
        Routes = routes;
        Time = time ?? throw new ArgumentNullException(nameof(time));
        _mutes = mutes;
        ResendInterval = resendInterval ?? DefaultResendInterval;
    }

    public IReadOnlyList<AlertRoute> Routes { get; }

    public TimeProvider Time { get; }

    /// <summary>How often firing alerts are re-sent to keep-alive receivers (Alerting:ResendSeconds).</summary>
    public TimeSpan ResendInterval { get; }

    /// <summary>Routes built from settings (which the host validated at start).</summary>
    public static AlertRouter FromOptions(AlertingOptions options, TimeProvider time, IAlertMutes? mutes = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AlertRouter(options.Routes.Select((r, i) => AlertRoute.Create(r, i)).ToArray(), time, mutes,
            TimeSpan.FromSeconds(options.ResendSeconds));
    }

    public AlertRoute? Find(string name) => Routes.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    OutboxPlan IAlertOutboxPlanner.Plan(IReadOnlyList<AlertTransition> transitions, IReadOnlyDictionary<string, ServerProfile> profiles, IReadOnlyList<FiringRow> firing) =>
        FiringState.Plan(firing, state => Plan(transitions, profiles, state));

    /// <summary>Deliveries for <paramref name="transitions"/>, updating <paramref name="state"/>: a fired alert
    /// is sent and remembered as firing; a resolved one is forgotten and sent as resolved unless it was never
    /// sent (held back while muted).</summary>
    /// <param name="profiles">Profile per server; a server missing here has an unknown profile.</param>
    public IReadOnlyList<OutboxMessage> Plan(IReadOnlyList<AlertTransition> transitions, IReadOnlyDictionary<string, ServerProfile> profiles, FiringState state)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(state);
        if (Routes.Count == 0)
        {
            return [];
        }

        var now = Time.GetUtcNow();
        var groups = new NotificationGroups();
        foreach (var transition in transitions)
        {
            ServerProfile? profile = profiles.TryGetValue(transition.Alert.Server, out var p) ? p : null;
            foreach (var route in Routes)
            {
                var notice = AlertNotice.From(transition, profile, now);
                var earlier = ResolveEarlier(route, notice, state, groups);
                if (!route.Matches(transition.Alert, profile))
                {
                    continue;
                }

                var muted = IsMuted(notice);
                var known = state.Find(route.Name, notice.Key);
                if (notice.Firing)
                {
                    var firstSent = known?.FirstSentAt ?? (muted ? null : now);
                    state.Set(new FiringEntry(route.Name, notice, firstSent, muted ? known?.LastSentAt : now));
                    if (!muted)
                    {
                        groups.Add(route, notice with { FirstSentAt = firstSent!.Value });
                    }

                    continue;
                }

                // Without an entry of the server (it fired before this state was kept) the resolution is sent all the same.
                if (!muted && !earlier)
                {
                    groups.Add(route, notice with { FirstSentAt = now });
                }
            }
        }

        return groups.Messages();
    }

    /// <summary>Ends what <paramref name="route"/> was told about the server under other labels than the firing
    /// <paramref name="notice"/> (all of it when the notice is a resolution): each entry is forgotten and, if it
    /// was sent and is not muted, sent as resolved (under its own labels, with the latest data when they match).</summary>
    /// <returns>True when the route had any entry of the server.</returns>
    private bool ResolveEarlier(AlertRoute route, AlertNotice notice, FiringState state, NotificationGroups groups)
    {
        var entries = state.OfServer(route.Name, notice.Server);
        foreach (var entry in entries.Where(e => !notice.Firing || e.Key != notice.Key))
        {
            state.Remove(route.Name, entry.Key);
            if (entry.FirstSentAt is not { } firstSent)
            {
                continue;
            }

            var resolved = entry.Key == notice.Key
                ? notice with { FirstSentAt = firstSent }
                : entry.Notice with { Firing = false, At = notice.At, FirstSentAt = firstSent, Repeat = false };
            if (!IsMuted(resolved))
            {
                groups.Add(route, resolved);
            }
        }

        return entries.Count > 0;
    }

    /// <summary>Deliveries for firing alerts that are due again: every <see cref="ResendInterval"/> on a
    /// keep-alive receiver, every route RepeatMinutes on the others, and at once when one was held back
    /// and is no longer muted. A route with deliveries still pending gets none (it is behind; the pending
    /// ones are rendered fresh when sent). Entries of routes no longer configured are dropped.</summary>
    public IReadOnlyList<OutboxMessage> PlanResends(FiringState state, IReadOnlySet<string> busyRoutes)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(busyRoutes);
        var now = Time.GetUtcNow();
        var groups = new NotificationGroups();
        foreach (var entry in state.Entries)
        {
            if (Find(entry.Route) is not { } route)
            {
                state.Remove(entry.Route, entry.Key);
                continue;
            }

            if (busyRoutes.Contains(route.Name) || IsMuted(entry.Notice))
            {
                continue;
            }

            var interval = route.Receiver.KeepsAlive ? ResendInterval : route.RepeatInterval;
            if (entry.LastSentAt is { } last && (interval is not { } every || now - last < every))
            {
                continue;
            }

            var firstSent = entry.FirstSentAt ?? now;
            state.Set(entry with { FirstSentAt = firstSent, LastSentAt = now });
            groups.Add(route, entry.Notice with { FirstSentAt = firstSent, Repeat = entry.LastSentAt is not null });
        }

        return groups.Messages();
    }

    private bool IsMuted(AlertNotice notice) =>
        _mutes?.IsMuted(notice.Server, notice.MetricNames, notice.Severity, notice.StartedAt) ?? false;
}
