namespace FleetCast.Dashboard.Shared;

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
