using FleetCast.Core.Alerts;

namespace FleetCast.Server.Alerting;

/// <summary>What people have done about one firing alert: acknowledged it and/or silenced it.</summary>
public sealed record AlertActionStatus(Acknowledgement? Acknowledged, Silence? Silenced)
{
    public static AlertActionStatus None { get; } = new(null, null);
}
