namespace FleetCast.Server.Alerting;

/// <summary>What one outbox delivery tells a route: the alerts of one server that changed in one step (or
/// are re-sent together). It is stored in the outbox and rendered into the receiver's body when sent, so
/// wall-clock times in the body are those of the send, even after a retry or a restart.</summary>
public sealed record AlertNotification(IReadOnlyList<AlertNotice> Notices)
{
    /// <summary>A line for people: the first alert's summary, and how many more there are.</summary>
    public string Summary => Notices.Count switch
    {
        0 => string.Empty,
        1 => AlertText.Summary(Notices[0]),
        _ => $"{AlertText.Summary(Notices[0])} (+{Notices.Count - 1} more)",
    };
}
