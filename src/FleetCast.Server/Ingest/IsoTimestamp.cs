using System.Globalization;
using System.Text.RegularExpressions;

namespace FleetCast.Server.Ingest;

/// <summary>The one timestamp format FleetCast reads from text, in ingest bodies and in <c>from</c>/<c>to</c>
/// query parameters alike: ISO 8601 date and time with a time zone designator (<c>Z</c> or an offset), e.g.
/// <c>2026-11-28T14:05:00Z</c>. Lenient parsing would read <c>1/2/2026</c> by culture or fill a bare <c>12:00</c>
/// with today's date, so anything else is refused.</summary>
public static partial class IsoTimestamp
{
    public const string Example = "2026-11-28T14:05:00Z";

    /// <summary>How an error message states the format.</summary>
    public const string Expected = "ISO 8601 with a time zone, Z or an offset (e.g. " + Example + " or 2026-11-28T15:05:00+01:00)";

    /// <param name="utc">The time, normalised to UTC.</param>
    /// <returns>False for any other form, or a time that is out of range once normalised to UTC.</returns>
    public static bool TryParse(string? text, out DateTimeOffset utc)
    {
        utc = default;
        if (text is null || !Pattern().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        utc = parsed.ToUniversalTime();
        return true;
    }

    // \z, not $: $ also matches before a final "\n".
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|z|[+-]\d{2}:?\d{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
