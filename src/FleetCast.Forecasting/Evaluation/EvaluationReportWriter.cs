using System.Globalization;
using System.Text;
using System.Text.Json;
using FleetCast.Core.Json;
using FleetCast.Core.Metrics;

using FleetCast.Forecasting.Tft;

namespace FleetCast.Forecasting.Evaluation;

/// <summary>Writes an <see cref="EvaluationReport"/> as report.json (camelCase, DESIGN.md §7) and report.md.</summary>
public static class EvaluationReportWriter
{
    public const string JsonFileName = "report.json";
    public const string MarkdownFileName = "report.md";

    private static readonly JsonSerializerOptions JsonOptions = new(FleetJson.Options) { WriteIndented = true };

    /// <summary>Writes both files into <paramref name="directory"/> (created if missing); returns their paths.</summary>
    public static (string JsonPath, string MarkdownPath) Write(EvaluationReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        var jsonPath = Path.Combine(directory, JsonFileName);
        var markdownPath = Path.Combine(directory, MarkdownFileName);
        File.WriteAllText(jsonPath, ToJson(report));
        File.WriteAllText(markdownPath, ToMarkdown(report));
        return (jsonPath, markdownPath);
    }

    public static string ToJson(EvaluationReport report) => JsonSerializer.Serialize(report, JsonOptions) + "\n";

    public static string ToMarkdown(EvaluationReport report)
    {
        var md = new StringBuilder();
        var hours = report.HorizonSteps * (double)report.StepSeconds / 3600.0;
        md.AppendLine("# FleetCast forecast evaluation").AppendLine();
        md.AppendLine(Invariant($"Held-out data: seed {(report.Seed is { } seed ? seed.ToString(CultureInfo.InvariantCulture) : "none (real data)")}, {report.Days:0.##} days, {report.Servers} servers, step {report.StepSeconds} s."));
        md.AppendLine(Invariant($"Horizon {report.HorizonSteps} steps ({hours:0.##} h); look-back {report.LookbackSteps} steps; {report.Origins} forecast origins every {report.OriginStride} steps."));
        md.AppendLine();
        if (report.Episodes.Count == 0)
        {
            md.AppendLine("Scenario episodes: none.");
        }
        else
        {
            md.AppendLine("Scenario episodes:").AppendLine();
            foreach (var episode in report.Episodes)
            {
                md.AppendLine(Invariant($"- {episode.Scenario}: steps {episode.StartStep}–{episode.EndStep}, {episode.AffectedServers.Count} servers affected"));
            }
        }

        md.AppendLine();
        md.AppendLine("Pinball loss is on values normalised per server and metric by the look-back mean and standard deviation, so forecasters and metrics share one scale (lower is better). Coverage is the share of actual values inside p10–p90 (80 % is calibrated). An incident is a critical-threshold crossing after at least 12 consecutive steps below the warning threshold (a ramp through the warning band counts; one bad period counts once); it is injected when its server was affected by a degrading, critical or cascade episode running at the crossing. It is flagged ahead when the live alert rule fed by that forecaster raised a critical predictive alert 1 to horizon steps before it. A false alert is a run of critical predictive alerts with no crossing in its horizons.");
        md.AppendLine();
        md.AppendLine("| forecaster | kind | pinball mean | p10 | p50 | p90 | coverage p10–p90 | incidents | flagged ahead | injected incidents | injected flagged ahead | median lead (min) | false alerts / server-day |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var f in report.Forecasters)
        {
            var lead = f.Incidents.MedianLeadMinutes is { } minutes ? Invariant($"{minutes:0}") : "–";
            md.AppendLine(Invariant(
                $"| {f.Name} | {(f.IsModel ? "model" : "baseline")} | {f.PinballMean:0.0000} | {f.Pinball.P10:0.0000} | {f.Pinball.P50:0.0000} | {f.Pinball.P90:0.0000} | {f.Coverage80:0.0%} | {f.Incidents.Total} | {f.Incidents.FlaggedAhead} | {f.Incidents.InjectedTotal} | {f.Incidents.InjectedFlaggedAhead} | {lead} | {f.Incidents.FalseAlertsPerServerDay:0.00} |"));
        }

        if (report.OperatingPoint is { } operatingPoint)
        {
            md.AppendLine().AppendLine(Invariant($"Incidents above are at the alert operating point `{operatingPoint}`."));
        }

        AppendRecovery(md, report);
        AppendAlertSweep(md, report);

        md.AppendLine().AppendLine("## p50 mean absolute error per metric (original units)").AppendLine();
        md.Append("| metric | unit |");
        foreach (var f in report.Forecasters)
        {
            md.Append(' ').Append(f.Name).Append(" |");
        }

        md.AppendLine().Append("|---|---|").AppendLine(string.Concat(report.Forecasters.Select(_ => "---:|")));
        foreach (var definition in MetricCatalog.All)
        {
            if (!report.Forecasters.Any(f => f.P50Mae.ContainsKey(definition.WireName)))
            {
                continue;
            }

            md.Append(Invariant($"| {definition.WireName} | {definition.Unit} |"));
            foreach (var f in report.Forecasters)
            {
                md.Append(f.P50Mae.TryGetValue(definition.WireName, out var mae) ? Invariant($" {mae:0.###} |") : " – |");
            }

            md.AppendLine();
        }

        return md.ToString();
    }

    private static void AppendRecovery(StringBuilder md, EvaluationReport report)
    {
        md.AppendLine().AppendLine("## Recovery bias on persistent critical states").AppendLine();
        md.AppendLine(Invariant($"Cases: a metric at or beyond its critical threshold at the origin that stays there for the next {PersistentCriticalRecovery.Steps} steps. Recovery rate: the share of those forecasts whose p50 falls short of the threshold at any of those steps (0 is unbiased).")).AppendLine();
        md.AppendLine(Invariant($"Without hindsight: in forecasts made while a metric is in a sustained critical state (its newest {CriticalRegime.SustainedSteps} reported values critical), the share of the next {SustainedCriticalOutlook.Steps} steps whose p50 is still critical, against the share that actually were; and the share of those steps whose actual value lies beyond p50 toward critical (50 %: a median without bias; more: recovery expected too soon).")).AppendLine();
        md.AppendLine("| forecaster | cases | recovery rate | sustained cases | still critical: forecast | still critical: actual | actual beyond p50 |").AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        static string Share(double? share) => share is { } v ? Invariant($"{v:0.0%}") : "–";
        foreach (var f in report.Forecasters)
        {
            md.AppendLine(Invariant($"| {f.Name} | {f.PersistentCriticalCases?.ToString(CultureInfo.InvariantCulture) ?? "–"} | {Share(f.PersistentCriticalRecoveryRate)} | {f.SustainedCriticalCases?.ToString(CultureInfo.InvariantCulture) ?? "–"} | {Share(f.SustainedCriticalForecastStay)} | {Share(f.SustainedCriticalActualStay)} | {Share(f.SustainedCriticalBeyondMedian)} |"));
        }
    }

    private static void AppendAlertSweep(StringBuilder md, EvaluationReport report)
    {
        var swept = report.Forecasters.Where(f => f.AlertCurve is not null && f.RecallAtBudget is not null).ToList();
        if (swept.Count == 0)
        {
            return;
        }

        md.AppendLine().AppendLine("## Alert sensitivity sweep").AppendLine();
        md.AppendLine("Each setting re-runs the live alert rule on the same forecasts. `p50` counts median crossings over the whole horizon, `p50wN` within N steps; `p90wN` adds the pessimistic quantile (p90, p10 of cpu_idle_pct) within N steps; `persistN` is how many consecutive steps the crossing must last. Recall at budget B: the best injected recall among settings with at most B false critical alerts per server-day.").AppendLine();
        md.Append("| forecaster |");
        foreach (var budget in RecallAtBudget.Budgets)
        {
            md.Append(Invariant($" recall ≤ {budget} false/server-day |"));
        }

        md.AppendLine().Append("|---|").AppendLine(string.Concat(RecallAtBudget.Budgets.Select(_ => "---|")));
        foreach (var f in swept)
        {
            md.Append(Invariant($"| {f.Name} |"));
            foreach (var key in RecallAtBudget.Budgets.Select(RecallAtBudget.Key))
            {
                var setting = f.RecallAtBudgetSetting?.GetValueOrDefault(key);
                md.Append(Invariant($" {f.RecallAtBudget!.GetValueOrDefault(key):0.0%} ({(setting is null ? "none" : $"`{setting}`")}) |"));
            }

            md.AppendLine();
        }

        md.AppendLine().AppendLine("False critical alerts per server-day / injected recall / median lead (min) per setting:").AppendLine();
        md.Append("| setting |").AppendLine(string.Concat(swept.Select(f => $" {f.Name} |")));
        md.Append("|---|").AppendLine(string.Concat(swept.Select(_ => "---:|")));
        foreach (var setting in swept[0].AlertCurve!.Select(p => p.Setting))
        {
            md.Append(Invariant($"| {setting} |"));
            foreach (var f in swept)
            {
                var point = f.AlertCurve!.FirstOrDefault(p => p.Setting == setting);
                md.Append(point is null
                    ? " – |"
                    : Invariant($" {point.FalseAlertsPerServerDay:0.00} / {point.InjectedRecall:0%} / {(point.MedianLeadMinutes is { } lead ? Invariant($"{lead:0}") : "–")} |"));
            }

            md.AppendLine();
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
