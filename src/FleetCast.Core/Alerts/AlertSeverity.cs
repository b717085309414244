namespace FleetCast.Core.Alerts;

public enum AlertSeverity
{
    Warning,
    Critical,
}
