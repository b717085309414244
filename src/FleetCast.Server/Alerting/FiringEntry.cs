namespace FleetCast.Server.Alerting;

/// <summary>An alert firing on a route: what was last said about it, when it was first sent (null: held
/// back so far, e.g. silenced when it fired) and when last sent. Times are wall-clock.</summary>
public sealed record FiringEntry(string Route, AlertNotice Notice, DateTimeOffset? FirstSentAt, DateTimeOffset? LastSentAt)
{
    public string Key => Notice.Key;
}
