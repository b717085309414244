namespace FleetCast.Server.Alerting.Receivers;

/// <summary>A Slack incoming webhook (or a compatible one: Mattermost, Rocket.Chat): "text" holds one line
/// per alert of the server, and one attachment per alert carries its colour (red critical, amber warning,
/// green resolved) for clients that show attachments.</summary>
public sealed class SlackReceiver : IAlertReceiver
{
    public const string CriticalColour = "#d00000";
    public const string WarningColour = "#e8a200";
    public const string ResolvedColour = "#2eb886";

    public string Type => "slack";

    public bool KeepsAlive => false;

    public bool SecretInPath => true;

    public bool GroupsByServer => true;

    public Uri Target(Uri configuredUrl) => configuredUrl;

    public string Render(AlertNotification notification, ReceiverContext context)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return JsonBody.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("text", string.Join("\n", notification.Notices.Select(Line)));
            writer.WriteStartArray("attachments");
            foreach (var notice in notification.Notices)
            {
                writer.WriteStartObject();
                writer.WriteString("color", Colour(notice));
                writer.WriteString("fallback", Line(notice));
                writer.WriteString("text", AlertText.Summary(notice));
                writer.WriteString("footer", $"FleetCast · {notice.Server} ({notice.Profile}) · data time {AlertText.Time(notice.At)}");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    public static string Line(AlertNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var status = !notice.Firing ? "[RESOLVED]" : notice.Repeat ? "[STILL FIRING]" : "[FIRING]";
        return $"{status} {AlertText.Summary(notice)}";
    }

    private static string Colour(AlertNotice notice) =>
        !notice.Firing ? ResolvedColour : notice.Severity == Core.Alerts.AlertSeverity.Critical ? CriticalColour : WarningColour;
}
