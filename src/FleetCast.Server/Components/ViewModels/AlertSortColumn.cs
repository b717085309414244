namespace FleetCast.Server.Components.ViewModels;

public enum AlertSortColumn
{
    Severity,
    Server,
    Profile,
    Metric,
    MinutesAhead,
    PredictedValue,
    StartedAt,
}
