using FleetCast.Core.Metrics;

namespace FleetCast.Server.Alerting.Receivers;

/// <summary>Any HTTP endpoint: one FleetCast JSON event per alert (a server's incident) and change (not
/// grouped, so each body is one alert; "metric" is its headline, "metrics" every metric it lists). Times in "at", "startedAt" and "endedAt" are data times; "firstSentAt" is wall-clock.</summary>
public sealed class WebhookReceiver : IAlertReceiver
{
    public string Type => "webhook";

    public bool KeepsAlive => false;

    public bool SecretInPath => false;

    public bool GroupsByServer => false;

    public Uri Target(Uri configuredUrl) => configuredUrl;

    public string Render(AlertNotification notification, ReceiverContext context)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var notice = notification.Notices.Count == 1
            ? notification.Notices[0]
            : throw new ArgumentException("A webhook body holds exactly one alert.", nameof(notification));
        return JsonBody.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("source", "fleetcast");
            writer.WriteString("status", notice.Firing ? "firing" : "resolved");
            writer.WriteBoolean("repeat", notice.Repeat);
            writer.WriteString("at", AlertText.Time(notice.At));
            writer.WriteString("firstSentAt", AlertText.Time(notice.FirstSentAt));
            writer.WriteString("summary", AlertText.Summary(notice));
            writer.WriteStartObject("alert");
            writer.WriteString("server", notice.Server);
            writer.WriteString("profile", notice.Profile);
            writer.WriteString("metric", MetricCatalog.WireName(notice.Metric));
            writer.WriteStartArray("metrics");
            foreach (var metric in notice.MetricNames)
            {
                writer.WriteStringValue(metric);
            }

            writer.WriteEndArray();
            writer.WriteString("severity", AlertText.SeverityName(notice.Severity));
            writer.WriteString("likelihood", AlertText.LikelihoodName(notice.Likelihood));
            writer.WriteNumber("threshold", notice.Threshold);
            writer.WriteNumber("predictedValue", notice.PredictedValue);
            writer.WriteNumber("minutesAhead", notice.MinutesAhead);
            writer.WriteString("startedAt", AlertText.Time(notice.StartedAt));
            if (notice.Firing)
            {
                writer.WriteNull("endedAt");
            }
            else
            {
                writer.WriteString("endedAt", AlertText.Time(notice.At));
                writer.WriteNumber("durationSeconds", (long)(notice.At - notice.StartedAt).TotalSeconds);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }
}
