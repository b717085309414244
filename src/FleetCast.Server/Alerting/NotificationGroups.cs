using FleetCast.Server.Storage;

namespace FleetCast.Server.Alerting;

/// <summary>Collects notices into outbox messages: one per route and server for a receiver that groups,
/// one per notice otherwise; in the order they were first added.</summary>
internal sealed class NotificationGroups
{
    private readonly List<(AlertRoute Route, List<AlertNotice> Notices)> _groups = [];
    private readonly Dictionary<(string Route, string Server), int> _index = [];

    public void Add(AlertRoute route, AlertNotice notice)
    {
        if (!route.Receiver.GroupsByServer)
        {
            _groups.Add((route, [notice]));
            return;
        }

        if (_index.TryGetValue((route.Name, notice.Server), out var at))
        {
            _groups[at].Notices.Add(notice);
            return;
        }

        _index[(route.Name, notice.Server)] = _groups.Count;
        _groups.Add((route, [notice]));
    }

    public IReadOnlyList<OutboxMessage> Messages() => _groups.Select(g =>
    {
        var notification = new AlertNotification(g.Notices);
        return new OutboxMessage(g.Route.Name, AlertNotificationJson.Write(notification), notification.Summary);
    }).ToArray();
}
