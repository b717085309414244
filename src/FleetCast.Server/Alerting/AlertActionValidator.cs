using FleetCast.Core.Metrics;
using FleetCast.Server.Ingest;

namespace FleetCast.Server.Alerting;

/// <summary>Checks acknowledgements and silences before anything is written; every problem is reported
/// at once, keyed by the field's JSON name. Free text (who, reason, comment) is single-line: no control
/// characters, which would forge lines in logs and notifications. A silence's server follows the ingest name rule.</summary>
public static class AlertActionValidator
{
    public const int MaxWhoLength = 100;
    public const int MaxTextLength = 500;

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
        CheckText(request.Comment, "comment", MaxTextLength, errors);
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
            CheckText(request.Reason, "reason", MaxTextLength, errors);
        }

        var server = Normalise(request.Server);
        var metric = Normalise(request.Metric);
        if (server is null && metric is null)
        {
            errors["server"] = ["Give 'server' and/or 'metric': a silence of everything is not allowed."];
        }

        CheckServer(request.Server, server, errors);
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

    /// <summary>The errors of a cancellation's <c>who</c> (a query parameter), keyed "who".</summary>
    public static Dictionary<string, string[]> CancelErrors(string? who)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(who) || who.Trim().Length > MaxWhoLength)
        {
            errors["who"] = [$"'who' is required (at most {MaxWhoLength} characters): the name of the person cancelling the silence."];
        }
        else
        {
            CheckText(who, "who", MaxWhoLength, errors);
        }

        return errors;
    }

    private static void CheckWho(string? who, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(who))
        {
            errors[field] = [$"'{field}' is required: the name of the person taking this action."];
            return;
        }

        CheckText(who, field, MaxWhoLength, errors);
    }

    /// <param name="raw">As sent, to find control characters that trimming would hide.</param>
    /// <param name="server">Trimmed; null when none was given.</param>
    private static void CheckServer(string? raw, string? server, Dictionary<string, string[]> errors)
    {
        if (server is null)
        {
            return;
        }

        if (ControlCharacterProblem(raw!, "server") is { } control)
        {
            errors["server"] = [control];
        }
        else if (SampleValidator.ServerNameProblem(server) is { } problem)
        {
            errors["server"] = [$"'server' {problem}, as ingest requires of server names; got '{Shorten(server)}'."];
        }
    }

    /// <summary>Length (of the trimmed text) and control characters (anywhere, as sent).</summary>
    private static void CheckText(string? value, string field, int max, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return;
        }

        var length = value.Trim().Length;
        if (length > max)
        {
            errors[field] = [$"'{field}' must be at most {max} characters; got {length}."];
        }
        else if (ControlCharacterProblem(value, field) is { } problem)
        {
            errors[field] = [problem];
        }
    }

    private static string? ControlCharacterProblem(string value, string field)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]))
            {
                return $"'{field}' must be one line of text without control characters; found U+{(int)value[i]:X4} at position {i + 1}.";
            }
        }

        return null;
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
