using System.Globalization;
using System.Text;
using System.Text.Json;
using FleetCast.Core.Json;

namespace FleetCast.Forecasting.Evaluation;

/// <summary>Writes a <see cref="MultiSeedReport"/> as report.json (camelCase) and report.md.</summary>
public static class MultiSeedReportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new(FleetJson.Options) { WriteIndented = true };

    /// <summary>Writes both files into <paramref name="directory"/> (created if missing); returns their paths.</summary>
    public static (string JsonPath, string MarkdownPath) Write(MultiSeedReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        var jsonPath = Path.Combine(directory, EvaluationReportWriter.JsonFileName);
        var markdownPath = Path.Combine(directory, EvaluationReportWriter.MarkdownFileName);
        File.WriteAllText(jsonPath, ToJson(report));
        File.WriteAllText(markdownPath, ToMarkdown(report));
        return (jsonPath, markdownPath);
    }

    public static string ToJson(MultiSeedReport report) => JsonSerializer.Serialize(report, JsonOptions) + "\n";

    public static string ToMarkdown(MultiSeedReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.AppendLine("# FleetCast forecast evaluation over seeds").AppendLine();
        md.AppendLine(Invariant($"Seeds {string.Join(", ", report.Seeds)} (each seed's report in seed-N/), {report.Days:0.##} days of data each (look-back history included), {report.Servers} servers, step {report.StepSeconds} s, horizon {report.HorizonSteps} steps; alert operating point `{report.OperatingPoint ?? "–"}`."));
        md.AppendLine().AppendLine("Each cell: mean ± sample standard deviation [min – max] over the seeds. Recall is the share of injected incidents flagged at least one step ahead; recall ≤ B is the best recall of any swept alert setting with at most B false critical alerts per server-day; false alerts, recall and lead at the operating point.").AppendLine();
        var budgets = report.Forecasters.SelectMany(f => f.RecallAtBudget.Keys).Distinct(StringComparer.Ordinal).ToList();
        md.Append("| forecaster | pinball mean | coverage p10–p90 | false alerts / server-day | injected recall |");
        md.Append(string.Concat(budgets.Select(b => $" recall ≤ {b} |")));
        md.AppendLine(" median lead (min) | persistent-critical recovery rate | sustained critical still critical: forecast | actual | actual beyond p50 |");
        md.Append("|---|---|---|---|---|").Append(string.Concat(budgets.Select(_ => "---|"))).AppendLine("---|---|---|---|---|");
        foreach (var f in report.Forecasters)
        {
            md.Append(Invariant($"| {f.Name} | {Cell(f.PinballMean, "0.0000")} | {Percent(f.Coverage80)} | {Cell(f.FalseAlertsPerServerDay, "0.00")} | {Percent(f.InjectedRecall)} |"));
            md.Append(string.Concat(budgets.Select(b => $" {(f.RecallAtBudget.TryGetValue(b, out var r) ? Percent(r) : "–")} |")));
            md.AppendLine(Invariant($" {(f.MedianLeadMinutes is { } lead ? Cell(lead, "0") : "–")} | {(f.PersistentCriticalRecoveryRate is { } rate ? Percent(rate) : "–")} | {(f.SustainedCriticalForecastStay is { } stay ? Percent(stay) : "–")} | {(f.SustainedCriticalActualStay is { } actual ? Percent(actual) : "–")} | {(f.SustainedCriticalBeyondMedian is { } beyond ? Percent(beyond) : "–")} |"));
        }

        if (report.ModelVsBestBaseline is { } ratios)
        {
            md.AppendLine().AppendLine(Invariant($"## {ratios.Model} against the best baseline")).AppendLine();
            md.AppendLine(Invariant($"Pinball ratio: {ratios.Model}'s pinball mean / the lowest baseline pinball mean of the seed. Recall ratio: {ratios.Model}'s recall ≤ {ratios.Budget} / the highest baseline recall ≤ {ratios.Budget} of the seed (– when every baseline's is 0).")).AppendLine();
            md.AppendLine("| seed | pinball ratio | best pinball baseline | recall ratio | best recall baseline |").AppendLine("|---|---:|---|---:|---|");
            foreach (var seed in ratios.PerSeed)
            {
                md.AppendLine(Invariant($"| {seed.Seed?.ToString(CultureInfo.InvariantCulture) ?? "–"} | {seed.PinballRatio:0.000} | {seed.PinballBaseline} | {(seed.RecallAtBudgetRatio is { } r ? Invariant($"{r:0.00}") : "–")} | {seed.RecallBaseline ?? "–"} |"));
            }

            md.AppendLine(Invariant($"| over seeds | {Cell(ratios.PinballRatio, "0.000")} | | {(ratios.RecallAtBudgetRatio is { } rr ? Cell(rr, "0.00") : "–")} | |"));
        }

        return md.ToString();
    }

    private static string Cell(SeedSpread spread, string format) =>
        string.Format(CultureInfo.InvariantCulture, $"{{0:{format}}} ± {{1:{format}}} [{{2:{format}}} – {{3:{format}}}]", spread.Mean, spread.Std, spread.Min, spread.Max);

    private static string Percent(SeedSpread spread) =>
        Invariant($"{spread.Mean * 100:0.0} ± {spread.Std * 100:0.0} % [{spread.Min * 100:0.0} – {spread.Max * 100:0.0}]");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
