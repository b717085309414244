namespace FleetCast.Core.Alerts;

/// <summary>The text form of an alert key, <c>server/metric/severity</c> (as <see cref="AlertKey.ToString"/>).</summary>
public static class AlertKeys
{
    public static string Format(string server, string metric, AlertSeverity severity) =>
        $"{server}/{metric}/{SeverityText(severity)}";

    public static string SeverityText(AlertSeverity severity) => severity.ToString().ToLowerInvariant();

    /// <summary>Parses from the end, so a server name that contains '/' still round-trips.</summary>
    public static bool TryParse(string text, out string server, out string metric, out AlertSeverity severity)
    {
        server = metric = string.Empty;
        severity = default;
        var last = text.LastIndexOf('/');
        var middle = last > 0 ? text.LastIndexOf('/', last - 1) : -1;
        if (middle <= 0 || !TryParseSeverity(text[(last + 1)..], out severity))
        {
            return false;
        }

        server = text[..middle];
        metric = text[(middle + 1)..last];
        return metric.Length > 0;
    }

    public static bool TryParseSeverity(string? text, out AlertSeverity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "warning":
                severity = AlertSeverity.Warning;
                return true;
            case "critical":
                severity = AlertSeverity.Critical;
                return true;
            default:
                severity = default;
                return false;
        }
    }
}
