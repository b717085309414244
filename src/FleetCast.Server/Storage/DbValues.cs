using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using Microsoft.Data.Sqlite;

namespace FleetCast.Server.Storage;

/// <summary>How values are written to and read from SQLite columns (times as unix seconds, enums as wire text).</summary>
internal static class DbValues
{
    public static long ToUnixSeconds(DateTimeOffset time) => time.ToUnixTimeSeconds();

    public static DateTimeOffset FromUnixSeconds(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds);

    public static object OrNull(double value) => double.IsNaN(value) ? DBNull.Value : value;

    public static object OrNull(string? value) => value is null ? DBNull.Value : value;

    public static double ReadDoubleOrNaN(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? double.NaN : reader.GetDouble(ordinal);

    public static string ToText(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Warning => "warning",
        AlertSeverity.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    public static AlertSeverity ParseSeverity(string text) => text switch
    {
        "warning" => AlertSeverity.Warning,
        "critical" => AlertSeverity.Critical,
        _ => throw new InvalidDataException($"Unknown alert severity '{text}' in the database."),
    };

    public static string ToText(AlertLikelihood likelihood) => likelihood switch
    {
        AlertLikelihood.Now => "now",
        AlertLikelihood.Likely => "likely",
        AlertLikelihood.Possible => "possible",
        _ => throw new ArgumentOutOfRangeException(nameof(likelihood), likelihood, null),
    };

    public static AlertLikelihood ParseLikelihood(string text) => text switch
    {
        "now" => AlertLikelihood.Now,
        "likely" => AlertLikelihood.Likely,
        "possible" => AlertLikelihood.Possible,
        _ => throw new InvalidDataException($"Unknown alert likelihood '{text}' in the database."),
    };

    public static string ToText(AlertOutcome outcome) => outcome switch
    {
        AlertOutcome.Open => "open",
        AlertOutcome.CameTrue => "came-true",
        AlertOutcome.DidNotHappen => "did-not-happen",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static AlertOutcome ParseOutcome(string text) => text switch
    {
        "open" => AlertOutcome.Open,
        "came-true" => AlertOutcome.CameTrue,
        "did-not-happen" => AlertOutcome.DidNotHappen,
        _ => throw new FormatException($"Unknown alert outcome '{text}' in the database."),
    };

    public static Metric ParseMetric(string wireName) =>
        MetricCatalog.TryGet(wireName, out var definition)
            ? definition.Id
            : throw new InvalidDataException($"Unknown metric '{wireName}' in the database.");
}
