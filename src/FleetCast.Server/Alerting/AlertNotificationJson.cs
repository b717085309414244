using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FleetCast.Server.Alerting;

/// <summary>The stored form of a notification (outbox payload) and of a notice (firing state). A payload
/// that is not a stored notification (written by an older FleetCast) is a finished body, sent as it is.</summary>
public static class AlertNotificationJson
{
    private const string Marker = "{\"fleetcastNotification\":";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(AlertNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return JsonSerializer.Serialize(new Stored(1, notification.Notices), Options);
    }

    public static bool TryRead(string payload, [NotNullWhen(true)] out AlertNotification? notification)
    {
        ArgumentNullException.ThrowIfNull(payload);
        notification = null;
        if (!payload.StartsWith(Marker, StringComparison.Ordinal))
        {
            return false;
        }

        var stored = JsonSerializer.Deserialize<Stored>(payload, Options);
        notification = stored?.Notices is { } notices ? new AlertNotification(notices) : null;
        return notification is not null;
    }

    public static string WriteNotice(AlertNotice notice) => JsonSerializer.Serialize(notice, Options);

    public static AlertNotice ReadNotice(string json) =>
        JsonSerializer.Deserialize<AlertNotice>(json, Options) ?? throw new JsonException("A stored alert notice is empty.");

    private sealed record Stored(int FleetcastNotification, IReadOnlyList<AlertNotice> Notices);
}
