namespace FleetCast.Core.Alerts;

/// <summary>One alert lifecycle (an incident) per server: every metric of the server that has a threshold
/// crossing is listed in it, and its severity escalates (warning → critical) and de-escalates within that
/// lifecycle instead of a second alert firing beside it.</summary>
public readonly record struct AlertKey(string Server)
{
    public override string ToString() => Server;
}
