using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Remediation;
using FleetCast.Server.Alerting;
using FleetCast.Server.Options;

namespace FleetCast.Server.Remediation;

/// <summary>Checks the remediation settings; every message names its setting (Remediation:Rules:0:WebhookUrl, ...)
/// and never echoes a URL or token.</summary>
public static class RemediationOptionsValidator
{
    public static IReadOnlyList<string> Errors(RemediationOptions options)
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

        Require(options.CooldownMinutes is >= 0 and <= 7 * 24 * 60, $"Remediation:CooldownMinutes must be between 0 and 10080; got {options.CooldownMinutes}.");
        Require(options.MaxActionsPerHour is >= 1 and <= 10_000, $"Remediation:MaxActionsPerHour must be between 1 and 10000; got {options.MaxActionsPerHour}.");
        Require(options.ApprovalTimeoutMinutes is >= 1 and <= 7 * 24 * 60, $"Remediation:ApprovalTimeoutMinutes must be between 1 and 10080; got {options.ApprovalTimeoutMinutes}.");
        Require(options.TimeoutSeconds is >= 1 and <= 600, $"Remediation:TimeoutSeconds must be between 1 and 600; got {options.TimeoutSeconds}.");
        Require(options.RetentionDays is >= 1 and <= 3650, $"Remediation:RetentionDays must be between 1 and 3650; got {options.RetentionDays}.");
        Require(options.MaxOutputChars is >= 0 and <= 100_000, $"Remediation:MaxOutputChars must be between 0 and 100000; got {options.MaxOutputChars}.");

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Rules.Count; i++)
        {
            var prefix = $"Remediation:Rules:{i}";
            if (options.Rules[i] is not { } rule)
            {
                errors.Add($"{prefix} is empty.");
                continue;
            }

            errors.AddRange(RuleErrors(rule, prefix));
            if (!string.IsNullOrWhiteSpace(rule.Name) && !names.Add(rule.Name.Trim()))
            {
                errors.Add($"{prefix}:Name '{rule.Name.Trim()}' is used by another rule; rule names must be unique.");
            }
        }

        return errors;
    }

    private static List<string> RuleErrors(RemediationRuleOptions rule, string prefix)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(rule.Name) || rule.Name.Trim().Length > 64 || rule.Name.Any(char.IsControl))
        {
            errors.Add($"{prefix}:Name must be 1 to 64 printable characters.");
        }

        if (AlertingOptionsValidator.ParseSeverity(rule.MinLevel) is null)
        {
            errors.Add($"{prefix}:MinLevel must be one of {string.Join(", ", AlertingOptionsValidator.KnownLevels)}; got '{rule.MinLevel}'.");
        }

        if (!RemediationModes.TryParse(rule.Mode, out _))
        {
            errors.Add($"{prefix}:Mode must be one of {string.Join(", ", RemediationModes.Names)}; got '{rule.Mode}'.");
        }

        foreach (var profile in AlertRoute.SplitList(rule.Profiles).Where(p => !ProfileNames.TryParse(p, out _)))
        {
            errors.Add($"{prefix}:Profiles has unknown profile '{profile}'; known: {string.Join(", ", ProfileNames.All.Select(ProfileNames.ToWire))}.");
        }

        foreach (var metric in AlertRoute.SplitList(rule.Metrics).Where(m => !MetricCatalog.TryGet(m, out _)))
        {
            errors.Add($"{prefix}:Metrics has unknown metric '{metric}'; known: {string.Join(", ", MetricCatalog.All.Select(d => d.WireName))}.");
        }

        var hasWebhook = !string.IsNullOrWhiteSpace(rule.WebhookUrl);
        var hasCommand = !string.IsNullOrWhiteSpace(rule.Command);
        if (hasWebhook == hasCommand)
        {
            errors.Add($"{prefix} needs exactly one of WebhookUrl and Command.");
        }

        if (hasWebhook)
        {
            errors.AddRange(WebhookErrors(rule, prefix));
        }

        if (hasCommand)
        {
            if (!Path.IsPathFullyQualified(rule.Command!.Trim()) || !File.Exists(rule.Command.Trim()))
            {
                errors.Add($"{prefix}:Command must be the absolute path of an existing program (it runs without a shell).");
            }

            for (var a = 0; a < rule.Arguments.Count; a++)
            {
                errors.AddRange(VariableErrors(rule.Arguments[a] ?? string.Empty, $"{prefix}:Arguments:{a}"));
            }
        }

        return errors;
    }

    private static IEnumerable<string> WebhookErrors(RemediationRuleOptions rule, string prefix)
    {
        var template = rule.WebhookUrl!.Trim();
        var probe = RemediationTemplate.Expand(template, new RemediationTrigger("server", "profile", "metric", Core.Alerts.AlertSeverity.Warning, 0, default));
        if (!Uri.TryCreate(probe, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"{prefix}:WebhookUrl must be an absolute http:// or https:// URL.";
        }
        else if (!string.IsNullOrEmpty(url.UserInfo))
        {
            yield return $"{prefix}:WebhookUrl must not contain a user name or password; put a secret in {prefix}:BearerToken.";
        }

        foreach (var error in VariableErrors(template, $"{prefix}:WebhookUrl"))
        {
            yield return error;
        }

        if (rule.BearerToken is { Length: > 0 } token && (string.IsNullOrWhiteSpace(token) || token.Any(char.IsControl) || token != token.Trim()))
        {
            yield return $"{prefix}:BearerToken must not be blank or contain spaces at its ends or control characters.";
        }
    }

    private static IEnumerable<string> VariableErrors(string template, string setting) =>
        RemediationTemplate.UnknownVariables(template).Select(v =>
            $"{setting} uses unknown variable {{{v}}}; known: {string.Join(", ", RemediationTemplate.Variables.Select(n => "{" + n + "}"))}.");
}
