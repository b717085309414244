namespace FleetCast.Server.Alerting.Receivers;

/// <summary>The receivers a route can use, by their type name.</summary>
public static class AlertReceivers
{
    public static readonly IReadOnlyList<IAlertReceiver> All =
    [
        new AlertmanagerReceiver(),
        new SlackReceiver(),
        new WebhookReceiver(),
    ];

    public static IReadOnlyList<string> Types => All.Select(r => r.Type).ToArray();

    public static IAlertReceiver? Find(string? type)
    {
        var wanted = type?.Trim();
        return All.FirstOrDefault(r => string.Equals(r.Type, wanted, StringComparison.OrdinalIgnoreCase));
    }
}
