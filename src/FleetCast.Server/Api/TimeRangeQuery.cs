using FleetCast.Server.Ingest;

namespace FleetCast.Server.Api;

/// <summary>Parses optional from/to query values (<see cref="IsoTimestamp"/>, as ingest reads timestamps) with
/// defaults relative to the data's time.</summary>
public static class TimeRangeQuery
{
    public static bool TryParse(string? from, string? to, DateTimeOffset defaultTo, TimeSpan defaultSpan,
        out DateTimeOffset start, out DateTimeOffset end, out Dictionary<string, string[]> errors)
    {
        errors = [];
        end = defaultTo;
        if (!string.IsNullOrWhiteSpace(to) && !TryParseTime(to, "to", errors, out end))
        {
            end = defaultTo;
        }

        start = SpanBefore(end, defaultSpan);
        if (!string.IsNullOrWhiteSpace(from) && TryParseTime(from, "from", errors, out var parsedFrom))
        {
            start = parsedFrom;
        }

        if (errors.Count == 0 && start > end)
        {
            errors["from"] = ["from must not be after to."];
        }

        return errors.Count == 0;
    }

    /// <summary><paramref name="end"/> − <paramref name="span"/>, or the earliest time there is when that would
    /// fall before it (a <c>to</c> near year 1).</summary>
    internal static DateTimeOffset SpanBefore(DateTimeOffset end, TimeSpan span) =>
        end.UtcTicks - DateTimeOffset.MinValue.UtcTicks < span.Ticks ? DateTimeOffset.MinValue : end - span;

    private static bool TryParseTime(string text, string name, Dictionary<string, string[]> errors, out DateTimeOffset time)
    {
        if (IsoTimestamp.TryParse(text, out time))
        {
            return true;
        }

        errors[name] = [$"'{name}' must be {IsoTimestamp.Expected}; got '{Shorten(text)}'."];
        return false;
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
