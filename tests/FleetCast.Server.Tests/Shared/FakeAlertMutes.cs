using FleetCast.Core.Alerts;
using FleetCast.Server.Alerting;

namespace FleetCast.Server.Tests.Shared;

/// <summary>Mutes the servers in <see cref="Servers"/> (as a silence of the whole server would).</summary>
public sealed class FakeAlertMutes : IAlertMutes
{
    public HashSet<string> Servers { get; } = new(StringComparer.Ordinal);

    public bool IsMuted(string server, IReadOnlyList<string> metrics, AlertSeverity severity, DateTimeOffset startedAt) => Servers.Contains(server);
}
