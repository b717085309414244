using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using FleetCast.Forecasting;
using FleetCast.Forecasting.Evaluation;
using FleetCast.Forecasting.Tft;

namespace FleetCast.Cli;

/// <summary>The work of <c>fleetcast evaluate</c> once its options are checked: one held-out fleet per
/// seed, the TFT and the three baselines scored on each.</summary>
internal sealed class EvaluationRun(ParseResult parse, TftForecaster tft, EvaluationOptions options, decimal days, int servers)
{
    private readonly TextWriter _console = parse.InvocationConfiguration.Output;
    private readonly TextWriter _error = parse.InvocationConfiguration.Error;

    /// <summary>One seed: report.json and report.md in <paramref name="output"/>.</summary>
    public int Single(int seed, DirectoryInfo output, CancellationToken cancellationToken)
    {
        var report = Evaluate(seed, cancellationToken);
        var (jsonPath, markdownPath) = EvaluationReportWriter.Write(report, output.FullName);
        PrintScores(report);
        _console.WriteLine($"Wrote {markdownPath} and {jsonPath}.");
        return 0;
    }

    /// <summary>Several seeds: seed-N/report.* per seed and the summary over them in <paramref name="output"/>.</summary>
    public int Several(IReadOnlyList<int> seeds, DirectoryInfo output, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var reports = new List<EvaluationReport>(seeds.Count);
        for (var i = 0; i < seeds.Count; i++)
        {
            _error.WriteLine(Invariant($"seed {i + 1}/{seeds.Count} ({seeds[i]}): evaluating, elapsed {clock.Elapsed.TotalSeconds:0} s"));
            var report = Evaluate(seeds[i], cancellationToken);
            EvaluationReportWriter.Write(report, Path.Combine(output.FullName, Invariant($"seed-{seeds[i]}")));
            PrintScores(report);
            reports.Add(report);
            _error.WriteLine(Invariant($"seed {i + 1}/{seeds.Count} ({seeds[i]}): done, elapsed {clock.Elapsed.TotalSeconds:0} s"));
        }

        var summary = MultiSeedSummary.Create(reports);
        var (jsonPath, markdownPath) = MultiSeedReportWriter.Write(summary, output.FullName);
        _console.WriteLine($"Over seeds {string.Join(", ", seeds)} (mean ± standard deviation):");
        foreach (var f in summary.Forecasters)
        {
            var recall = f.RecallAtBudget.GetValueOrDefault(RecallAtBudget.Key(MultiSeedSummary.RatioBudget))?.Mean ?? 0;
            _console.WriteLine(Invariant(
                $"{f.Name,-15} pinball {f.PinballMean.Mean:0.0000} ± {f.PinballMean.Std:0.0000}  coverage {f.Coverage80.Mean:P1}  false alerts/server-day {f.FalseAlertsPerServerDay.Mean:0.00}  recall at budget {MultiSeedSummary.RatioBudget} {recall:P0}"));
        }

        _console.WriteLine($"Wrote {markdownPath} and {jsonPath} (each seed's in seed-N/).");
        return 0;
    }

    private EvaluationReport Evaluate(int seed, CancellationToken cancellationToken)
    {
        var scoredSteps = SimulatedData.StepsFor(days);
        var steps = options.LookbackSteps + scoredSteps;
        var heldOut = SimulatedData.Generate(seed, steps, servers);
        _console.WriteLine($"Held-out data: {servers} servers, seed {seed}, {steps} steps ({options.LookbackSteps} of history + {scoredSteps} scored), " +
            $"episodes: {string.Join(", ", heldOut.Episodes.Where(e => e.Scenario != "healthy").Select(e => $"{e.Scenario}@{e.StartStep}"))}.");
        IForecaster[] forecasters = [tft, .. ForecasterCatalog.CreateBaselines()];
        return new ForecastEvaluator(options).Evaluate(heldOut, forecasters, cancellationToken: cancellationToken);
    }

    private void PrintScores(EvaluationReport report)
    {
        foreach (var score in report.Forecasters)
        {
            var recall = score.RecallAtBudget is { } atBudget ? string.Join(" ", atBudget.Select(b => Invariant($"{b.Key}:{b.Value:P0}"))) : "-";
            _console.WriteLine(
                $"{score.Name,-15} pinball {score.PinballMean:0.0000}  coverage {score.Coverage80:P1}  incidents flagged ahead {score.Incidents.FlaggedAhead}/{score.Incidents.Total} (injected {score.Incidents.InjectedFlaggedAhead}/{score.Incidents.InjectedTotal})" +
                $"  median lead {(score.Incidents.MedianLeadMinutes is { } lead ? $"{lead:0} min" : "-")}  false alerts/server-day {score.Incidents.FalseAlertsPerServerDay:0.00}  recall at budget {recall}");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
