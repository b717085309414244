using System.Globalization;
using System.Text;
using System.Text.Json;
using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;

namespace FleetCast.Server.Alerting;

/// <summary>The JSON bodies sent for an alert transition. Times are FleetCast data times (UTC, ISO 8601).</summary>
public static class AlertPayloads
{
    public const string AlertName = "FleetCastAlert";
    public const string UnknownProfile = "unknown";

    /// <summary>Alertmanager v2 (<c>POST /api/v2/alerts</c>): an array holding one alert. A fired alert has
    /// no endsAt, so Alertmanager resolves it after its resolve_timeout unless it is sent again; a resolved
    /// one carries endsAt = the resolution time.</summary>
    public static string Alertmanager(AlertTransition transition, ServerProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var alert = transition.Alert;
        return Write(writer =>
        {
            writer.WriteStartArray();
            writer.WriteStartObject();
            writer.WriteStartObject("labels");
            writer.WriteString("alertname", AlertName);
            writer.WriteString("server", alert.Server);
            writer.WriteString("metric", MetricCatalog.WireName(alert.Metric));
            writer.WriteString("level", SeverityName(alert.Severity));
            writer.WriteString("profile", ProfileName(profile));
            writer.WriteEndObject();
            writer.WriteStartObject("annotations");
            writer.WriteString("summary", Summary(transition));
            writer.WriteString("likelihood", LikelihoodName(alert.Likelihood));
            writer.WriteString("threshold", Number(alert.Threshold));
            writer.WriteString("predicted_value", Number(alert.PredictedValue));
            writer.WriteString("minutes_ahead", Number(alert.MinutesAhead));
            writer.WriteEndObject();
            writer.WriteString("startsAt", Time(alert.StartedAt));
            if (transition.Kind == AlertTransitionKind.Resolved)
            {
                writer.WriteString("endsAt", Time(transition.At));
            }

            writer.WriteEndObject();
            writer.WriteEndArray();
        });
    }

    /// <summary>Webhook: one FleetCast event per transition.</summary>
    public static string Webhook(AlertTransition transition, ServerProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var alert = transition.Alert;
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("source", "fleetcast");
            writer.WriteString("status", transition.Kind == AlertTransitionKind.Fired ? "firing" : "resolved");
            writer.WriteString("at", Time(transition.At));
            writer.WriteString("summary", Summary(transition));
            writer.WriteStartObject("alert");
            writer.WriteString("server", alert.Server);
            writer.WriteString("profile", ProfileName(profile));
            writer.WriteString("metric", MetricCatalog.WireName(alert.Metric));
            writer.WriteString("severity", SeverityName(alert.Severity));
            writer.WriteString("likelihood", LikelihoodName(alert.Likelihood));
            writer.WriteNumber("threshold", alert.Threshold);
            writer.WriteNumber("predictedValue", alert.PredictedValue);
            writer.WriteNumber("minutesAhead", alert.MinutesAhead);
            writer.WriteString("startedAt", Time(alert.StartedAt));
            if (transition.Kind == AlertTransitionKind.Resolved)
            {
                writer.WriteString("endedAt", Time(transition.At));
                writer.WriteNumber("durationSeconds", (long)(transition.At - alert.StartedAt).TotalSeconds);
            }
            else
            {
                writer.WriteNull("endedAt");
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    /// <summary>One line for people: "cpu_user_pct on ppdb003 likely to reach 95 in 35 min (critical)".</summary>
    public static string Summary(AlertTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var a = transition.Alert;
        var metric = MetricCatalog.Get(a.Metric);
        var threshold = Number(a.Threshold) + metric.Unit;
        var what = a.Likelihood switch
        {
            AlertLikelihood.Now => $"{metric.WireName} on {a.Server} is over {threshold} now",
            AlertLikelihood.Likely => $"{metric.WireName} on {a.Server} likely to reach {threshold} in {Number(a.MinutesAhead)} min",
            _ => $"{metric.WireName} on {a.Server} could reach {threshold} in {Number(a.MinutesAhead)} min",
        };
        return transition.Kind == AlertTransitionKind.Fired
            ? $"{what} ({SeverityName(a.Severity)})"
            : $"resolved after {Number(Math.Round((transition.At - a.StartedAt).TotalMinutes))} min: {what} ({SeverityName(a.Severity)})";
    }

    public static string SeverityName(AlertSeverity severity) => severity == AlertSeverity.Critical ? "critical" : "warning";

    private static string LikelihoodName(AlertLikelihood likelihood) => likelihood switch
    {
        AlertLikelihood.Now => "now",
        AlertLikelihood.Likely => "likely",
        _ => "possible",
    };

    private static string ProfileName(ServerProfile? profile) => profile is { } p ? ProfileNames.ToWire(p) : UnknownProfile;

    private static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
