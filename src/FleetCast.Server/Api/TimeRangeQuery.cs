using System.Globalization;

namespace FleetCast.Server.Api;

/// <summary>Parses optional from/to query values (ISO 8601) with defaults relative to the data's time.</summary>
public static class TimeRangeQuery
{
    public static bool TryParse(string? from, string? to, DateTimeOffset defaultTo, TimeSpan defaultSpan,
        out DateTimeOffset start, out DateTimeOffset end, out Dictionary<string, string[]> errors)
    {
        errors = [];
        end = defaultTo;
        start = defaultTo - defaultSpan;
        if (!string.IsNullOrWhiteSpace(to))
        {
            if (DateTimeOffset.TryParse(to, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsedTo))
            {
                end = parsedTo;
                start = end - defaultSpan;
            }
            else
            {
                errors["to"] = [$"'{to}' is not an ISO 8601 time, e.g. 2026-01-05T12:00:00Z."];
            }
        }

        if (!string.IsNullOrWhiteSpace(from))
        {
            if (DateTimeOffset.TryParse(from, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsedFrom))
            {
                start = parsedFrom;
            }
            else
            {
                errors["from"] = [$"'{from}' is not an ISO 8601 time, e.g. 2026-01-05T00:00:00Z."];
            }
        }

        if (errors.Count == 0 && start > end)
        {
            errors["from"] = ["from must not be after to."];
        }

        return errors.Count == 0;
    }
}
