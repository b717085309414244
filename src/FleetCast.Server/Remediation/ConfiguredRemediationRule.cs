using FleetCast.Core.Alerts;
using FleetCast.Core.Remediation;
using FleetCast.Server.Alerting;
using FleetCast.Server.Options;

namespace FleetCast.Server.Remediation;

/// <summary>A validated rule from configuration: when it acts (<see cref="Rule"/>) and what it runs, a webhook
/// (URL template, optional bearer token) or a command (program and argument templates).</summary>
public sealed class ConfiguredRemediationRule
{
    public const string WebhookKind = "webhook";
    public const string CommandKind = "command";

    private ConfiguredRemediationRule(RemediationRule rule, RemediationRuleOptions options)
    {
        Rule = rule;
        WebhookUrl = string.IsNullOrWhiteSpace(options.WebhookUrl) ? null : options.WebhookUrl.Trim();
        BearerToken = string.IsNullOrEmpty(options.BearerToken) ? null : options.BearerToken;
        Command = string.IsNullOrWhiteSpace(options.Command) ? null : options.Command.Trim();
        Arguments = [.. options.Arguments.Select(a => a ?? string.Empty)];
    }

    public RemediationRule Rule { get; }

    public string Name => Rule.Name;

    public string Kind => WebhookUrl is null ? CommandKind : WebhookKind;

    public string? WebhookUrl { get; }

    /// <summary>Secret; never logged, stored or shown.</summary>
    public string? BearerToken { get; }

    public string? Command { get; }

    public IReadOnlyList<string> Arguments { get; }

    /// <summary>Builds the rules of validated options (see <see cref="RemediationOptionsValidator"/>).</summary>
    public static IReadOnlyList<ConfiguredRemediationRule> FromOptions(RemediationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. options.Rules.Select(o =>
        {
            RemediationModes.TryParse(o.Mode, out var mode);
            var rule = new RemediationRule(o.Name.Trim(), AlertRoute.SplitList(o.Profiles).ToHashSet(StringComparer.Ordinal),
                AlertRoute.SplitList(o.Metrics).ToHashSet(StringComparer.Ordinal),
                AlertingOptionsValidator.ParseSeverity(o.MinLevel) ?? AlertSeverity.Warning, mode);
            return new ConfiguredRemediationRule(rule, o);
        })];
    }

    /// <summary>The webhook URL for <paramref name="trigger"/>, variables URL-escaped.</summary>
    public Uri WebhookFor(RemediationTrigger trigger) =>
        new(RemediationTemplate.Expand(WebhookUrl ?? throw new InvalidOperationException($"Rule '{Name}' runs a command."), trigger, Uri.EscapeDataString));

    public IReadOnlyList<string> ArgumentsFor(RemediationTrigger trigger) =>
        [.. Arguments.Select(a => RemediationTemplate.Expand(a, trigger))];

    /// <summary>What runs for <paramref name="trigger"/>, safe to store and show: a URL without its query
    /// (which may hold a token), or the program and its expanded arguments.</summary>
    public string DisplayTarget(RemediationTrigger trigger) => WebhookUrl is null
        ? string.Join(' ', new[] { Command! }.Concat(ArgumentsFor(trigger).Select(Quote)))
        : "POST " + Redact(WebhookFor(trigger));

    /// <summary>The rule's target as configured (templates), safe to show.</summary>
    public string DisplayTemplate => WebhookUrl is null
        ? string.Join(' ', new[] { Command! }.Concat(Arguments.Select(Quote)))
        : "POST " + RedactTemplate(WebhookUrl);

    private static string Redact(Uri url)
    {
        var shown = $"{url.Scheme}://{url.Host}{(url.IsDefaultPort ? string.Empty : ":" + url.Port)}{url.AbsolutePath}";
        return string.IsNullOrEmpty(url.Query) ? shown : shown + "?…";
    }

    private static string RedactTemplate(string template)
    {
        var query = template.IndexOf('?', StringComparison.Ordinal);
        var withoutQuery = query < 0 ? template : template[..query] + "?…";
        var scheme = withoutQuery.IndexOf("://", StringComparison.Ordinal);
        var at = withoutQuery.IndexOf('@', StringComparison.Ordinal);
        return scheme >= 0 && at > scheme ? withoutQuery[..(scheme + 3)] + withoutQuery[(at + 1)..] : withoutQuery;
    }

    private static string Quote(string argument) =>
        argument.Length == 0 || argument.Any(c => char.IsWhiteSpace(c) || c == '"') ? "\"" + argument.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : argument;
}
