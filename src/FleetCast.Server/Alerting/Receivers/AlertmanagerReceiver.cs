using FleetCast.Core.Metrics;

namespace FleetCast.Server.Alerting.Receivers;

/// <summary>Prometheus Alertmanager v2: POST {Url}/api/v2/alerts with an array of alerts. startsAt and
/// endsAt are wall-clock times (Alertmanager compares them with its own clock): startsAt is when the alert
/// was first sent; a firing alert ends <see cref="EndsAfterResends"/> re-send intervals after this send, so
/// Alertmanager keeps it active while FleetCast re-sends it and expires it if FleetCast disappears; a
/// resolved one ends now. Data times and the forecast are annotations. One alert per server incident: the
/// metric label is its headline metric, the metrics annotation lists every metric (comma-separated).</summary>
public sealed class AlertmanagerReceiver : IAlertReceiver
{
    public const string AlertName = "FleetCastAlert";
    public const int EndsAfterResends = 3;

    public string Type => "alertmanager";

    public bool KeepsAlive => true;

    public bool SecretInPath => false;

    public bool GroupsByServer => true;

    public Uri Target(Uri configuredUrl)
    {
        ArgumentNullException.ThrowIfNull(configuredUrl);
        var path = configuredUrl.AbsolutePath.TrimEnd('/');
        return path.EndsWith("/api/v2/alerts", StringComparison.Ordinal)
            ? configuredUrl
            : new UriBuilder(configuredUrl) { Path = path + "/api/v2/alerts" }.Uri;
    }

    public string Render(AlertNotification notification, ReceiverContext context)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(context);
        return JsonBody.Write(writer =>
        {
            writer.WriteStartArray();
            foreach (var notice in notification.Notices)
            {
                writer.WriteStartObject();
                writer.WriteStartObject("labels");
                writer.WriteString("alertname", AlertName);
                writer.WriteString("server", notice.Server);
                writer.WriteString("metric", MetricCatalog.WireName(notice.Metric));
                writer.WriteString("level", AlertText.SeverityName(notice.Severity));
                writer.WriteString("profile", notice.Profile);
                writer.WriteEndObject();
                writer.WriteStartObject("annotations");
                writer.WriteString("summary", AlertText.Summary(notice));
                writer.WriteString("metrics", string.Join(",", notice.MetricNames));
                writer.WriteString("likelihood", AlertText.LikelihoodName(notice.Likelihood));
                writer.WriteString("threshold", AlertText.Number(notice.Threshold));
                writer.WriteString("predicted_value", AlertText.Number(notice.PredictedValue));
                writer.WriteString("minutes_ahead", AlertText.Number(notice.MinutesAhead));
                writer.WriteString("data_started_at", AlertText.Time(notice.StartedAt));
                writer.WriteString(notice.Firing ? "data_fired_at" : "data_resolved_at", AlertText.Time(notice.At));
                writer.WriteEndObject();

                // A clock step backwards must not yield startsAt after endsAt (Alertmanager answers 400).
                var startsAt = notice.FirstSentAt <= context.Now ? notice.FirstSentAt : context.Now;
                writer.WriteString("startsAt", AlertText.Time(startsAt));
                writer.WriteString("endsAt", AlertText.Time(notice.Firing ? context.Now + (EndsAfterResends * context.ResendInterval) : context.Now));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }
}
