using System.CommandLine;
using FleetCast.Forecasting;
using FleetCast.Forecasting.Baselines;
using FleetCast.Forecasting.Evaluation;
using FleetCast.Forecasting.Tft;

namespace FleetCast.Cli;

/// <summary><c>fleetcast evaluate</c> (DESIGN.md §7): scores the TFT and the three baselines on
/// held-out simulated data (a seed not used in training, with degrading, critical and cascade
/// episodes) and writes report.md and report.json.</summary>
public static class EvaluateCommand
{
    /// <summary>History every forecaster gets at each origin: two days, what Holt-Winters needs.</summary>
    public const int LookbackSteps = 576;

    public const int HorizonSteps = 96;

    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the held-out simulated fleet (use one the model was not trained on).", DefaultValueFactory = _ => 7 };
        var days = new Option<decimal>("--days") { Description = "Days of scored forecast origins (two more days of history are simulated before them).", DefaultValueFactory = _ => 3m };
        var servers = new Option<int>("--servers") { Description = "Simulated servers.", DefaultValueFactory = _ => 30 };
        var model = new Option<DirectoryInfo?>("--model") { Description = $"TFT model directory (default: the shipped {TrainCommand.DefaultModelDirectory})." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory for report.md and report.json.", DefaultValueFactory = _ => new DirectoryInfo("evaluation") };
        var threads = new Option<int>("--threads") { Description = "CPU threads for the TFT.", DefaultValueFactory = _ => 2 };
        var command = new Command("evaluate", "Compare the TFT with the linear-trend, seasonal-naive and Holt-Winters baselines on held-out simulated data; writes report.md and report.json.")
        {
            seed, days, servers, model, output, threads,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var problems = new List<string>();
            SimulatedData.Check(parse, days, servers, problems);

            if (parse.GetValue(threads) < 1)
            {
                problems.Add("--threads must be at least 1.");
            }

            var modelDirectory = parse.GetValue(model)?.FullName ?? ModelLocator.Find(TrainCommand.DefaultModelDirectory);
            if (modelDirectory is null || !Directory.Exists(modelDirectory))
            {
                problems.Add($"--model: no model directory at '{modelDirectory ?? TrainCommand.DefaultModelDirectory}'. Train one with `fleetcast train` or pass --model DIR.");
            }

            if (problems.Count > 0)
            {
                problems.ForEach(error.WriteLine);
                return Task.FromResult(2);
            }

            TftForecaster tft;
            try
            {
                tft = TftForecaster.Load(modelDirectory!, parse.GetValue(threads), SimulatedData.StepSeconds);
            }
            catch (ModelLoadException exception)
            {
                error.WriteLine($"--model: {exception.Message}");
                return Task.FromResult(2);
            }

            using (tft)
            {
                return Task.FromResult(Evaluate(parse, tft, parse.GetValue(seed), parse.GetValue(days), parse.GetValue(servers), parse.GetValue(output)!, cancellationToken));
            }
        });
        return command;
    }

    private static int Evaluate(ParseResult parse, TftForecaster tft, int seed, decimal days, int servers, DirectoryInfo output, CancellationToken cancellationToken)
    {
        var console = parse.InvocationConfiguration.Output;
        var scoredSteps = SimulatedData.StepsFor(days);
        var steps = LookbackSteps + scoredSteps;
        var heldOut = SimulatedData.Generate(seed, steps, servers);
        console.WriteLine($"Held-out data: {servers} servers, seed {seed}, {steps} steps ({LookbackSteps} of history + {scoredSteps} scored), " +
            $"episodes: {string.Join(", ", heldOut.Episodes.Where(e => e.Scenario != "healthy").Select(e => $"{e.Scenario}@{e.StartStep}"))}.");

        IForecaster[] forecasters = [tft, new LinearTrendForecaster(), new SeasonalNaiveForecaster(), new HoltWintersForecaster()];
        var evaluator = new ForecastEvaluator(new EvaluationOptions { LookbackSteps = LookbackSteps, HorizonSteps = HorizonSteps });
        var report = evaluator.Evaluate(heldOut, forecasters, cancellationToken: cancellationToken);
        var (jsonPath, markdownPath) = EvaluationReportWriter.Write(report, output.FullName);
        foreach (var score in report.Forecasters)
        {
            console.WriteLine(
                $"{score.Name,-15} pinball {score.PinballMean:0.0000}  coverage {score.Coverage80:P1}  incidents flagged ahead {score.Incidents.FlaggedAhead}/{score.Incidents.Total} (injected {score.Incidents.InjectedFlaggedAhead}/{score.Incidents.InjectedTotal})" +
                $"  median lead {(score.Incidents.MedianLeadMinutes is { } lead ? $"{lead:0} min" : "-")}  false alerts/server-day {score.Incidents.FalseAlertsPerServerDay:0.00}");
        }

        console.WriteLine($"Wrote {markdownPath} and {jsonPath}.");
        return 0;
    }
}
