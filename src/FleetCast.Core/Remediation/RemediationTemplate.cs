using System.Globalization;
using System.Text.RegularExpressions;
using FleetCast.Core.Alerts;

namespace FleetCast.Core.Remediation;

/// <summary>Expands {server}, {profile}, {metric}, {level} and {value} in a rule's URL or command arguments.
/// Nothing else is substituted and nothing is evaluated: a command runs without a shell.</summary>
public static partial class RemediationTemplate
{
    public static IReadOnlyList<string> Variables { get; } = ["server", "profile", "metric", "level", "value"];

    /// <param name="encode">Applied to each substituted value (e.g. URL escaping); null keeps values as they are.</param>
    public static string Expand(string template, RemediationTrigger trigger, Func<string, string>? encode = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(trigger);
        return Placeholder().Replace(template, match => Value(match.Groups[1].Value, trigger) is { } value
            ? encode is null ? value : encode(value)
            : match.Value);
    }

    /// <summary>Placeholders in <paramref name="template"/> that are not one of <see cref="Variables"/>.</summary>
    public static IReadOnlyList<string> UnknownVariables(string template) =>
        [.. Placeholder().Matches(template ?? string.Empty).Select(m => m.Groups[1].Value).Where(v => !Variables.Contains(v)).Distinct()];

    private static string? Value(string name, RemediationTrigger trigger) => name switch
    {
        "server" => trigger.Server,
        "profile" => trigger.Profile,
        "metric" => trigger.Metric,
        "level" => trigger.Level == AlertSeverity.Critical ? "critical" : "warning",
        "value" => trigger.Value.ToString("0.##", CultureInfo.InvariantCulture),
        _ => null,
    };

    [GeneratedRegex(@"\{([A-Za-z_]+)\}")]
    private static partial Regex Placeholder();
}
