namespace FleetCast.Server.Api;

/// <summary>A text cell of a CSV the API writes: quoted per RFC 4180 where needed, and defused per OWASP's CSV
/// injection advice, so a spreadsheet never runs a value as a formula.</summary>
public static class CsvCell
{
    /// <summary>Null is an empty cell. A value starting with '=', '+', '-', '@', a tab or a carriage return gets a
    /// leading apostrophe; one holding ',', '"', CR or LF is quoted with its quotes doubled.</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
