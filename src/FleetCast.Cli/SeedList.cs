using System.Globalization;

namespace FleetCast.Cli;

/// <summary>The value of <c>evaluate --seeds</c>: a count of consecutive seeds from --seed ("5") or a
/// comma-separated list ("7,21,22").</summary>
internal static class SeedList
{
    public const int MaxSeeds = 100;

    /// <summary>The seeds, or null with <paramref name="error"/> naming the option.</summary>
    public static IReadOnlyList<int>? Parse(string text, int start, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        var items = text.Split(',', StringSplitOptions.TrimEntries);
        var numbers = new List<int>(items.Length);
        foreach (var item in items)
        {
            if (!int.TryParse(item, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                error = $"--seeds: \"{item}\" is not a number.";
                return null;
            }

            numbers.Add(number);
        }

        if (!text.Contains(',', StringComparison.Ordinal))
        {
            var count = numbers[0];
            if (count is < 1 or > MaxSeeds)
            {
                error = $"--seeds: a count must be 1 to {MaxSeeds}; got {count}.";
                return null;
            }

            if ((long)start + count - 1 > int.MaxValue)
            {
                error = $"--seeds: {count} seeds from --seed {start} run past {int.MaxValue}.";
                return null;
            }

            return [.. Enumerable.Range(start, count)];
        }

        if (numbers.Count > MaxSeeds)
        {
            error = $"--seeds: at most {MaxSeeds} seeds; got {numbers.Count}.";
            return null;
        }

        if (numbers.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            error = $"--seeds: seed {duplicate.Key} is listed twice.";
            return null;
        }

        return numbers;
    }
}
