using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Server.Alerting.Receivers;
using FleetCast.Server.Options;

namespace FleetCast.Server.Alerting;

/// <summary>Checks the alert routing settings; every message names its setting (Alerting:Routes:0:Url, ...).</summary>
public static class AlertingOptionsValidator
{
    public const int MaxRepeatMinutes = 7 * 24 * 60;

    public static IReadOnlyList<string> KnownTypes => AlertReceivers.Types;
    public static readonly string[] KnownLevels = ["warning", "critical"];

    public static IReadOnlyList<string> Errors(AlertingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        void Require(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(message);
            }
        }

        Require(options.MaxAttempts >= 1, $"Alerting:MaxAttempts must be at least 1; got {options.MaxAttempts}.");
        Require(options.RetryAttempts is >= 0 and <= 10, $"Alerting:RetryAttempts must be between 0 and 10; got {options.RetryAttempts}.");
        Require(options.RetryDelayMilliseconds is >= 1 and <= 600_000, $"Alerting:RetryDelayMilliseconds must be between 1 and 600000; got {options.RetryDelayMilliseconds}.");
        Require(options.MaxRetryDelaySeconds is >= 1 and <= 86_400, $"Alerting:MaxRetryDelaySeconds must be between 1 and 86400; got {options.MaxRetryDelaySeconds}.");
        Require(options.RequestTimeoutSeconds is >= 1 and <= 300, $"Alerting:RequestTimeoutSeconds must be between 1 and 300; got {options.RequestTimeoutSeconds}.");
        Require(options.ResendSeconds is >= 1 and <= 3600, $"Alerting:ResendSeconds must be between 1 and 3600; got {options.ResendSeconds}.");
        Require(options.PollMilliseconds is >= 10 and <= 60_000, $"Alerting:PollMilliseconds must be between 10 and 60000; got {options.PollMilliseconds}.");
        Require(options.RetentionHours >= 1, $"Alerting:RetentionHours must be at least 1; got {options.RetentionHours}.");
        Require(options.MaxStoredDeliveries >= 100, $"Alerting:MaxStoredDeliveries must be at least 100; got {options.MaxStoredDeliveries}.");

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Routes.Count; i++)
        {
            var route = options.Routes[i];
            var prefix = $"Alerting:Routes:{i}";
            if (route is null)
            {
                errors.Add($"{prefix} is empty.");
                continue;
            }

            errors.AddRange(RouteErrors(route, prefix));
            if (!string.IsNullOrWhiteSpace(route.Name) && !names.Add(route.Name.Trim()))
            {
                errors.Add($"{prefix}:Name '{route.Name.Trim()}' is used by another route; route names must be unique.");
            }
        }

        return errors;
    }

    /// <summary>Errors of one route; <paramref name="prefix"/> is its setting path (Alerting:Routes:N).</summary>
    public static IReadOnlyList<string> RouteErrors(AlertRouteOptions route, string prefix)
    {
        ArgumentNullException.ThrowIfNull(route);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(route.Name))
        {
            errors.Add($"{prefix}:Name must not be empty.");
        }
        else if (route.Name.Trim().Length > 64 || route.Name.Any(char.IsControl))
        {
            errors.Add($"{prefix}:Name must be at most 64 printable characters.");
        }

        var receiver = AlertReceivers.Find(route.Type);
        if (receiver is null)
        {
            errors.Add($"{prefix}:Type must be one of {string.Join(", ", KnownTypes)}; got '{route.Type}'.");
        }

        if (route.RepeatMinutes is { } repeat)
        {
            if (receiver is { KeepsAlive: true })
            {
                errors.Add($"{prefix}:RepeatMinutes does not apply to {receiver.Type} routes (they are re-sent every Alerting:ResendSeconds); remove it.");
            }
            else if (repeat is < 0 or > MaxRepeatMinutes)
            {
                errors.Add($"{prefix}:RepeatMinutes must be between 0 (never) and {MaxRepeatMinutes}; got {repeat}.");
            }
        }

        // The URL is never echoed: it may carry a token in its path or query.
        if (!Uri.TryCreate(route.Url?.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{prefix}:Url must be an absolute http:// or https:// URL.");
        }
        else if (!string.IsNullOrEmpty(url.UserInfo))
        {
            errors.Add($"{prefix}:Url must not contain a user name or password; put a secret in {prefix}:BearerToken.");
        }

        if (ParseSeverity(route.MinLevel) is null)
        {
            errors.Add($"{prefix}:MinLevel must be one of {string.Join(", ", KnownLevels)}; got '{route.MinLevel}'.");
        }

        foreach (var profile in AlertRoute.SplitList(route.Profiles).Where(p => !ProfileNames.TryParse(p, out _)))
        {
            errors.Add($"{prefix}:Profiles has unknown profile '{profile}'; known: {string.Join(", ", ProfileNames.All.Select(ProfileNames.ToWire))}.");
        }

        foreach (var metric in AlertRoute.SplitList(route.Metrics).Where(m => !MetricCatalog.TryGet(m, out _)))
        {
            errors.Add($"{prefix}:Metrics has unknown metric '{metric}'; known: {string.Join(", ", MetricCatalog.All.Select(d => d.WireName))}.");
        }

        if (route.BearerToken is { Length: > 0 } token && (string.IsNullOrWhiteSpace(token) || token.Any(char.IsControl) || token != token.Trim()))
        {
            errors.Add($"{prefix}:BearerToken must not be blank or contain spaces at its ends or control characters.");
        }

        return errors;
    }

    internal static AlertSeverity? ParseSeverity(string? level) => level?.Trim().ToLowerInvariant() switch
    {
        "warning" or "" or null => AlertSeverity.Warning,
        "critical" => AlertSeverity.Critical,
        _ => null,
    };
}
