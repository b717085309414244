using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Server.Alerting.Receivers;
using FleetCast.Server.Options;

namespace FleetCast.Server.Alerting;

/// <summary>A validated destination: its receiver, where to POST, which alerts it takes, how often a firing
/// alert is repeated, and its secret (if any), which only the sender reads.</summary>
public sealed class AlertRoute
{
    private readonly IReadOnlySet<ServerProfile>? _profiles;
    private readonly IReadOnlySet<Metric>? _metrics;

    private AlertRoute(string name, IAlertReceiver receiver, Uri target, AlertSeverity minSeverity,
        IReadOnlySet<ServerProfile>? profiles, IReadOnlySet<Metric>? metrics, TimeSpan? repeatInterval, string? bearerToken)
    {
        Name = name;
        Receiver = receiver;
        Target = target;
        MinSeverity = minSeverity;
        _profiles = profiles;
        _metrics = metrics;
        RepeatInterval = repeatInterval;
        BearerToken = bearerToken;
    }

    public string Name { get; }

    public IAlertReceiver Receiver { get; }

    /// <summary>The receiver's type name ("alertmanager", "slack", "webhook").</summary>
    public string Type => Receiver.Type;

    /// <summary>The URL that is POSTed to (for Alertmanager the base URL plus /api/v2/alerts).</summary>
    public Uri Target { get; }

    public AlertSeverity MinSeverity { get; }

    /// <summary>How often a still-firing alert is sent again to a receiver that does not keep alerts alive;
    /// null = never (RepeatMinutes 0). Keep-alive receivers use Alerting:ResendSeconds instead.</summary>
    public TimeSpan? RepeatInterval { get; }

    /// <summary>Profile wire names this route is limited to; empty = all.</summary>
    public IReadOnlyList<string> Profiles => _profiles?.Select(ProfileNames.ToWire).Order(StringComparer.Ordinal).ToArray() ?? [];

    /// <summary>Metric wire names this route is limited to; empty = all.</summary>
    public IReadOnlyList<string> Metrics => _metrics?.Select(MetricCatalog.WireName).Order(StringComparer.Ordinal).ToArray() ?? [];

    public bool HasSecret => !string.IsNullOrEmpty(BearerToken);

    /// <summary>The target without credentials or query string, safe to show and log.</summary>
    public string DisplayUrl => RedactUrl(Target, Receiver.SecretInPath);

    internal string? BearerToken { get; }

    /// <summary>Builds a route from options already checked by <see cref="AlertingOptionsValidator"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid (the message names the field).</exception>
    public static AlertRoute Create(AlertRouteOptions options, int index = 0)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = AlertingOptionsValidator.RouteErrors(options, $"Alerting:Routes:{index}");
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        var receiver = AlertReceivers.Find(options.Type)!;
        var repeatMinutes = options.RepeatMinutes ?? AlertRouteOptions.DefaultRepeatMinutes;
        return new AlertRoute(
            options.Name.Trim(),
            receiver,
            receiver.Target(new Uri(options.Url.Trim(), UriKind.Absolute)),
            AlertingOptionsValidator.ParseSeverity(options.MinLevel)!.Value,
            ParseSet(options.Profiles, w => ProfileNames.TryParse(w, out var p) ? p : (ServerProfile?)null),
            ParseSet(options.Metrics, w => MetricCatalog.TryGet(w, out var d) ? d.Id : (Metric?)null),
            repeatMinutes == 0 ? null : TimeSpan.FromMinutes(repeatMinutes),
            string.IsNullOrEmpty(options.BearerToken) ? null : options.BearerToken);
    }

    /// <summary>True when this route takes <paramref name="alert"/> (a server's incident) of a server with
    /// <paramref name="profile"/>: at or above its minimum severity, and (with a metric filter) listing at
    /// least one of its metrics among those found now.</summary>
    public bool Matches(ActiveAlert alert, ServerProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (alert.Headline.Severity < MinSeverity)
        {
            return false;
        }

        if (_metrics is not null && !alert.Metrics.Any(f => _metrics.Contains(f.Metric)))
        {
            return false;
        }

        // A profile filter cannot vouch for a server whose profile is unknown.
        return _profiles is null || (profile is { } p && _profiles.Contains(p));
    }

    internal static IReadOnlyList<string> SplitList(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static HashSet<T>? ParseSet<T>(string? list, Func<string, T?> parse)
        where T : struct
    {
        var items = SplitList(list);
        return items.Count == 0 ? null : items.Select(i => parse(i)!.Value).ToHashSet();
    }

    private static string RedactUrl(Uri url, bool secretInPath)
    {
        var path = secretInPath && url.AbsolutePath.Length > 1 ? "/…" : url.AbsolutePath;
        var shown = $"{url.Scheme}://{url.Host}{(url.IsDefaultPort ? string.Empty : ":" + url.Port)}{path}";
        return string.IsNullOrEmpty(url.Query) ? shown : shown + "?…";
    }
}
