using FleetCast.Core.Metrics;

namespace FleetCast.Server.Alerting;

/// <summary>Checks acknowledgements and silences before anything is written; every problem is reported
/// at once, keyed by the field's JSON name.</summary>
public static class AlertActionValidator
{
    public const int MaxWhoLength = 100;
    public const int MaxTextLength = 500;
    public const int MaxServerLength = 200;

    public static readonly TimeSpan MaxSilence = TimeSpan.FromDays(30);

    public static Dictionary<string, string[]> Errors(AcknowledgeRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            errors["body"] = ["A JSON body with 'who' is required."];
            return errors;
        }

        CheckWho(request.Who, "who", errors);
        CheckLength(request.Comment, "comment", MaxTextLength, errors);
        return errors;
    }

    /// <param name="until">The end resolved from Until or DurationMinutes (null when neither is valid).</param>
    public static Dictionary<string, string[]> Errors(SilenceRequest? request, DateTimeOffset now, out DateTimeOffset? until)
    {
        var errors = new Dictionary<string, string[]>();
        until = null;
        if (request is null)
        {
            errors["body"] = ["A JSON body with 'who', 'reason', 'until' or 'durationMinutes', and 'server' and/or 'metric' is required."];
            return errors;
        }

        CheckWho(request.Who, "who", errors);
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors["reason"] = ["'reason' is required: say why these alerts are silenced."];
        }
        else
        {
            CheckLength(request.Reason, "reason", MaxTextLength, errors);
        }

        var server = Normalise(request.Server);
        var metric = Normalise(request.Metric);
        if (server is null && metric is null)
        {
            errors["server"] = ["Give 'server' and/or 'metric': a silence of everything is not allowed."];
        }

        CheckLength(server, "server", MaxServerLength, errors);
        if (metric is not null && !MetricCatalog.TryGet(metric, out _))
        {
            errors["metric"] = [$"Unknown metric '{metric}'; one of {string.Join(", ", MetricCatalog.All.Select(d => d.WireName))}."];
        }

        until = ResolveUntil(request, now, errors);
        return errors;
    }

    /// <summary>Null for null or blank input; otherwise trimmed.</summary>
    public static string? Normalise(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTimeOffset? ResolveUntil(SilenceRequest request, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        if (request.Until is not null && request.DurationMinutes is not null)
        {
            errors["until"] = ["Give either 'until' or 'durationMinutes', not both."];
            return null;
        }

        if (request.DurationMinutes is { } minutes)
        {
            if (minutes < 1 || minutes > MaxSilence.TotalMinutes)
            {
                errors["durationMinutes"] = [$"'durationMinutes' must be between 1 and {MaxSilence.TotalMinutes:0} (30 days); got {minutes}."];
                return null;
            }

            return now.AddMinutes(minutes);
        }

        if (request.Until is not { } until)
        {
            errors["until"] = ["'until' (an ISO 8601 time) or 'durationMinutes' is required."];
            return null;
        }

        if (until <= now)
        {
            errors["until"] = [$"'until' must be in the future; it is {until.UtcDateTime:O} and now is {now.UtcDateTime:O}."];
            return null;
        }

        if (until - now > MaxSilence)
        {
            errors["until"] = [$"'until' must be at most 30 days ahead (by {(now + MaxSilence).UtcDateTime:O})."];
            return null;
        }

        return until;
    }

    private static void CheckWho(string? who, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(who))
        {
            errors[field] = [$"'{field}' is required: the name of the person taking this action."];
            return;
        }

        CheckLength(who.Trim(), field, MaxWhoLength, errors);
    }

    private static void CheckLength(string? value, string field, int max, Dictionary<string, string[]> errors)
    {
        if (value is not null && value.Length > max)
        {
            errors[field] = [$"'{field}' must be at most {max} characters; got {value.Length}."];
        }
    }
}
