using FleetCast.Core.Alerts;

namespace FleetCast.Server.Alerting;

/// <summary>Resolves the mutes on first use: the router is built before <see cref="AlertActions"/> can be
/// (the actions read the engine's snapshots, and the engine stores alerts through the router).</summary>
public sealed class DeferredAlertMutes(Func<IAlertMutes> resolve) : IAlertMutes
{
    private readonly Lazy<IAlertMutes> _mutes = new(resolve ?? throw new ArgumentNullException(nameof(resolve)));

    public bool IsMuted(string server, IReadOnlyList<string> metrics, AlertSeverity severity, DateTimeOffset startedAt) =>
        _mutes.Value.IsMuted(server, metrics, severity, startedAt);
}
