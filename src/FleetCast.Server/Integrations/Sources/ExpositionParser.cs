using System.Globalization;
using System.Text;

namespace FleetCast.Server.Integrations.Sources;

/// <summary>Parses the Prometheus text exposition format (version 0.0.4): comment lines (HELP, TYPE and
/// others) are skipped; each sample line is <c>name{label="value",...} value [timestamp]</c>, with the
/// escapes \\, \" and \n in label values and +Inf, -Inf and NaN as values. A malformed line fails the
/// whole scrape, as it does in Prometheus.</summary>
public static class ExpositionParser
{
    public static IReadOnlyList<ExpositionSample> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var samples = new List<ExpositionSample>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            try
            {
                samples.Add(ParseLine(line));
            }
            catch (FormatException ex)
            {
                throw new FormatException($"line {lineNumber}: {ex.Message}", ex);
            }
        }

        return samples;
    }

    private static ExpositionSample ParseLine(string line)
    {
        var position = 0;
        var name = ReadName(line, ref position, allowColon: true);
        if (name.Length == 0)
        {
            throw new FormatException($"expected a metric name at '{Excerpt(line, position)}'");
        }

        var labels = position < line.Length && line[position] == '{'
            ? ReadLabels(line, ref position)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = line[position..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length is 0 or > 2)
        {
            throw new FormatException($"expected a value and an optional timestamp after '{name}'; got '{Excerpt(line, position)}'");
        }

        var value = ParseValue(rest[0]);
        long? timestamp = null;
        if (rest.Length == 2)
        {
            timestamp = long.TryParse(rest[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)
                ? ms
                : throw new FormatException($"timestamp '{rest[1]}' is not whole milliseconds");
        }

        return new ExpositionSample(name, labels, value, timestamp);
    }

    public static double ParseValue(string text) => text switch
    {
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"value '{text}' is not a number"),
    };

    private static Dictionary<string, string> ReadLabels(string line, ref int position)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        position++; // '{'
        while (true)
        {
            SkipSpaces(line, ref position);
            if (position < line.Length && line[position] == '}')
            {
                position++;
                return labels;
            }

            var label = ReadName(line, ref position, allowColon: false);
            SkipSpaces(line, ref position);
            if (label.Length == 0 || position >= line.Length || line[position] != '=')
            {
                throw new FormatException($"expected label=\"value\" at '{Excerpt(line, position)}'");
            }

            position++;
            SkipSpaces(line, ref position);
            if (!labels.TryAdd(label, ReadQuoted(line, ref position)))
            {
                throw new FormatException($"label '{label}' appears twice");
            }

            SkipSpaces(line, ref position);
            if (position < line.Length && line[position] == ',')
            {
                position++;
            }
            else if (position >= line.Length || line[position] != '}')
            {
                throw new FormatException($"expected ',' or '}}' at '{Excerpt(line, position)}'");
            }
        }
    }

    private static string ReadQuoted(string line, ref int position)
    {
        if (position >= line.Length || line[position] != '"')
        {
            throw new FormatException($"expected a quoted label value at '{Excerpt(line, position)}'");
        }

        var value = new StringBuilder();
        for (position++; position < line.Length; position++)
        {
            var c = line[position];
            if (c == '"')
            {
                position++;
                return value.ToString();
            }

            if (c == '\\' && position + 1 < line.Length)
            {
                position++;
                value.Append(line[position] switch
                {
                    'n' => '\n',
                    '\\' => '\\',
                    '"' => '"',
                    var other => throw new FormatException($"unknown escape '\\{other}' in a label value"),
                });
                continue;
            }

            value.Append(c);
        }

        throw new FormatException("unterminated label value");
    }

    private static string ReadName(string line, ref int position, bool allowColon)
    {
        var start = position;
        while (position < line.Length)
        {
            var c = line[position];
            var ok = char.IsAsciiLetter(c) || c == '_' || (allowColon && c == ':') || (position > start && char.IsAsciiDigit(c));
            if (!ok)
            {
                break;
            }

            position++;
        }

        return line[start..position];
    }

    private static void SkipSpaces(string line, ref int position)
    {
        while (position < line.Length && line[position] is ' ' or '\t')
        {
            position++;
        }
    }

    private static string Excerpt(string line, int position) =>
        position >= line.Length ? "end of line" : line[position..Math.Min(line.Length, position + 40)];
}
