using System.Globalization;
using FleetCast.Dashboard.Shared;
using FleetCast.Forecasting.Live;
using FleetCast.Server.Engine;

namespace FleetCast.Dashboard.Tabs.Drift;

/// <summary>The Drift &amp; model tab's shadow table: the serving forecaster and the baselines scored live on the
/// same matured points, with the serving forecaster's pinball over each baseline's. Scores stay "–" until a
/// row has enough matured points (the live accuracy's minimum).</summary>
/// <param name="Verdict">One sentence on whether the serving forecaster beats the best baseline; null until both have enough points.</param>
public sealed record ShadowTable(string Intro, string? Message, string? Verdict, string Cost, IReadOnlyList<ShadowRow> Rows)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static ShadowTable From(ShadowScoringStatus shadow, int minPoints, bool servingIsModel)
    {
        ArgumentNullException.ThrowIfNull(shadow);
        var accuracy = shadow.Accuracy;
        var rows = accuracy.Forecasters.Select(f => ShadowRow.From(f, minPoints, servingIsModel)).ToList();
        var message = !shadow.Enabled
            ? null
            : rows.Count == 0
                ? "No shadow forecast has matured yet: the first scores appear a few steps after the first shadow origin."
                : rows.All(r => r.Sufficient) ? null : string.Create(Invariant, $"Scores are shown once a forecaster has {minPoints:N0} matured points.");
        var cost = shadow.LastRunMs is { } ms
            ? string.Create(Invariant,
                $"Last shadow run: {shadow.Baselines.Count} baselines × {shadow.LastServers:N0} servers in {ms:N0} ms on a background thread ({shadow.Runs:N0} {(shadow.Runs == 1 ? "run" : "runs")}{(shadow.SkippedRuns > 0 ? $", {shadow.SkippedRuns:N0} skipped while one was running" : string.Empty)}); the tracker's own step took {shadow.TrackerStepMs:0.0} ms.")
            : string.Create(Invariant, $"No shadow run finished yet; the tracker's own step took {shadow.TrackerStepMs:0.0} ms.");
        return new ShadowTable(shadow.Message, message, VerdictOf(accuracy), cost, rows);
    }

    private static string? VerdictOf(LiveShadowReport accuracy)
    {
        if (!accuracy.Sufficient || accuracy is not { Reference: { } reference, BestBaseline: { } best, ReferenceToBestBaseline: { } ratio })
        {
            return null;
        }

        var comparison = ratio < 1 ? "better than" : ratio > 1 ? "worse than" : "level with";
        return string.Create(Invariant, $"{reference} is {comparison} the best baseline ({best}): its live pinball is {ratio:0.00}× the baseline's.");
    }
}

/// <summary>One forecaster of the shadow table, formatted.</summary>
/// <param name="Ratio">The serving forecaster's pinball over this one's ("0.62×"; below 1 the serving one is better); "–" for the serving row and until enough points.</param>
public sealed record ShadowRow(string Forecaster, string Kind, bool IsReference, bool Sufficient, string Pinball, string Coverage, string Points, string Ratio)
{
    public static ShadowRow From(LiveShadowForecaster forecaster, int minPoints, bool servingIsModel)
    {
        ArgumentNullException.ThrowIfNull(forecaster);
        var kind = forecaster.IsReference ? (servingIsModel ? "model, serving" : "baseline, serving") : "baseline";
        var points = forecaster.Sufficient
            ? forecaster.MaturedPoints.ToString("N0", CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{forecaster.MaturedPoints:N0} of {minPoints:N0} needed");
        if (!forecaster.Sufficient)
        {
            return new ShadowRow(forecaster.Name, kind, forecaster.IsReference, false, "–", "–", points, "–");
        }

        return new ShadowRow(forecaster.Name, kind, forecaster.IsReference, true,
            DriftModel.Number(forecaster.PinballMean, "0.000"),
            forecaster.Coverage80 is { } coverage ? DisplayFormat.Percent(coverage) : "–",
            points,
            forecaster.ReferenceRatio is { } ratio ? ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "–");
    }
}
