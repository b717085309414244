namespace FleetCast.Core.Alerts;

/// <summary>Alert lifecycle (firing → resolved), de-duplicated per server + metric + severity, with
/// fire-after and resolve-after counts so alerts do not flap. Not thread-safe: the engine owns it.</summary>
public sealed class AlertTracker
{
    /// <param name="restored">Alerts that were firing before a restart (from storage).</param>
    public AlertTracker(AlertRuleOptions options, IEnumerable<ActiveAlert>? restored = null) =>
        throw new NotImplementedException("core-logic helper implements this");

    public IReadOnlyCollection<ActiveAlert> Active => throw new NotImplementedException();

    /// <summary>Applies one evaluation of the servers in <paramref name="evaluatedServers"/>; alerts of
    /// servers not evaluated (stale) are left as they are.</summary>
    /// <returns>Transitions to store, in order.</returns>
    public IReadOnlyList<AlertTransition> Update(DateTimeOffset dataTime, IReadOnlyCollection<string> evaluatedServers, IEnumerable<AlertCandidate> candidates) =>
        throw new NotImplementedException();
}
