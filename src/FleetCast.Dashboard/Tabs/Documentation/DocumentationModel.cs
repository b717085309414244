using System.Globalization;
using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Scoring;
using FleetCast.Core.Thresholds;
using FleetCast.Dashboard.Shared;

namespace FleetCast.Dashboard.Tabs.Documentation;

/// <summary>The Documentation tab, generated from the same Core tables that scoring and alerts read.</summary>
public sealed record DocumentationModel(
    IReadOnlyList<LevelStyle> Levels,
    IReadOnlyList<double> LevelMinScores,
    IReadOnlyList<MetricDefinition> Metrics,
    IReadOnlyList<DisplayMetricCatalog.Definition> DisplayMetrics,
    IReadOnlyList<ProfileDoc> Profiles,
    ScoringOptions Scoring)
{
    /// <summary>How breaches and alerts map onto the ladder, as <see cref="LevelFloor"/> computes it.</summary>
    public IReadOnlyList<LevelFloorDoc> LevelFloors { get; } =
    [
        new("a value at or beyond its critical threshold now", LevelStyle.Of(LevelFloor.ForBreach(AlertSeverity.Critical))),
        new("a value at or beyond its warning threshold now", LevelStyle.Of(LevelFloor.ForBreach(AlertSeverity.Warning))),
        new("a critical alert, likely (p50 crosses)", LevelStyle.Of(LevelFloor.ForAlert(AlertSeverity.Critical, AlertLikelihood.Likely))),
        new("a critical alert, possible (only p90 crosses)", LevelStyle.Of(LevelFloor.ForAlert(AlertSeverity.Critical, AlertLikelihood.Possible))),
        new("a warning alert ahead (likely or possible)", LevelStyle.Of(LevelFloor.ForAlert(AlertSeverity.Warning, AlertLikelihood.Likely))),
    ];

    public static DocumentationModel From(ThresholdTable table, ScoringOptions scoring, ProfileRules rules)
    {
        var profiles = ProfileNames.All.Select(profile => new ProfileDoc(
                ProfileNames.ToWire(profile),
                NameRule(rules, profile),
                string.Join(", ", ProfileDependencies.DependenciesOf(profile).Select(ProfileNames.ToWire)) is { Length: > 0 } deps ? deps : "nothing",
                table.ForProfile(profile).Select(Row).ToArray()))
            .ToArray();
        return new DocumentationModel(
            LevelStyle.All,
            Core.Levels.RiskLadder.Levels.Select(l => l.MinScore).ToArray(),
            MetricCatalog.All,
            DisplayMetricCatalog.All,
            profiles,
            scoring);
    }

    private static string NameRule(ProfileRules rules, ServerProfile profile)
    {
        var patterns = rules.Rules.Where(r => r.Profile == profile).Select(r => r.Pattern.ToString()).ToArray();
        return patterns.Length > 0 ? string.Join(" or ", patterns) : "any name no other rule matches";
    }

    private static ThresholdRow Row(MetricThresholds t)
    {
        var definition = MetricCatalog.Get(t.Metric);
        var op = t.HighIsBad ? "≥" : "≤";
        return new ThresholdRow(
            definition.WireName,
            definition.Unit,
            t.HighIsBad ? "high is bad" : "low is bad",
            t.Warning is { } w ? $"{op} {Number(w)}" : "–",
            t.Critical is { } c ? $"{op} {Number(c)}" : "–",
            Bands(t.CurrentBands, op),
            Bands(t.PredictedBands, op));
    }

    private static string Bands(IReadOnlyList<ScoreBand> bands, string op) =>
        bands.Count == 0 ? "–" : string.Join(", ", bands.Select(b => $"{op} {Number(b.Bound)}: +{Number(b.Points)}"));

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>One row of the level-floor table: what a server has, and the lowest level it is shown at.</summary>
public sealed record LevelFloorDoc(string What, LevelStyle Level);
