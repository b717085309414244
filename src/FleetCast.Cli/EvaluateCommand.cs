using System.CommandLine;
using FleetCast.Core.Alerts;
using FleetCast.Forecasting;
using FleetCast.Forecasting.Baselines;
using FleetCast.Forecasting.Evaluation;
using FleetCast.Forecasting.Tft;

namespace FleetCast.Cli;

/// <summary><c>fleetcast evaluate</c> (DESIGN.md §7): scores the TFT and the three baselines on
/// held-out simulated data (a seed not used in training, with degrading, critical and cascade
/// episodes) and writes report.md and report.json; with --seeds, one report per seed and a summary over them.</summary>
public static class EvaluateCommand
{
    /// <summary>History every forecaster gets at each origin: two days, what Holt-Winters needs.</summary>
    public const int LookbackSteps = 576;

    public const int HorizonSteps = 96;

    public const int DefaultOriginStride = 12;

    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the held-out simulated fleet (use one the model was not trained on); the first of --seeds N.", DefaultValueFactory = _ => 7 };
        var seeds = new Option<string?>("--seeds") { Description = "Several held-out fleets: a count of consecutive seeds from --seed (5) or a comma-separated list (7,21,22); writes seed-N/ reports and a summary over the seeds." };
        var operatingPoint = new Option<string?>("--operating-point")
        {
            Description = $"Alert setting whose results fill the incidents columns, e.g. p50w24-p90w6-persist3 (default: the live alert rule's, {AlertSetting.Of(AlertRuleOptions.Default, HorizonSteps).Name}).",
        };
        var days = new Option<decimal>("--days") { Description = "Days of scored forecast origins (two more days of history are simulated before them).", DefaultValueFactory = _ => 3m };
        var servers = new Option<int>("--servers") { Description = "Simulated servers.", DefaultValueFactory = _ => 30 };
        var model = new Option<DirectoryInfo?>("--model") { Description = $"TFT model directory (default: the shipped {TrainCommand.DefaultModelDirectory})." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory for report.md and report.json.", DefaultValueFactory = _ => new DirectoryInfo("evaluation") };
        var threads = new Option<int>("--threads") { Description = "CPU threads for the TFT.", DefaultValueFactory = _ => 2 };
        var originStride = new Option<int>("--origin-stride")
        {
            Description = "Steps between forecast origins. 1 evaluates at every step, as the live engine does (alerts then fire and resolve as live); larger is faster but gives each incident fewer chances to be flagged.",
            DefaultValueFactory = _ => DefaultOriginStride,
        };
        var command = new Command("evaluate", "Compare the TFT with the linear-trend, seasonal-naive and Holt-Winters baselines on held-out simulated data; writes report.md and report.json.")
        {
            seed, seeds, days, servers, model, output, threads, operatingPoint, originStride,
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

            if (parse.GetValue(originStride) is < 1 or > HorizonSteps)
            {
                problems.Add($"--origin-stride must be between 1 and {HorizonSteps}; got {parse.GetValue(originStride)}.");
            }

            IReadOnlyList<int>? seedList = null;
            if (parse.GetValue(seeds) is { } seedsText)
            {
                seedList = SeedList.Parse(seedsText, parse.GetValue(seed), out var seedsProblem);
                if (seedsProblem is not null)
                {
                    problems.Add(seedsProblem);
                }
            }

            var setting = AlertSetting.Of(AlertRuleOptions.Default, HorizonSteps);
            if (parse.GetValue(operatingPoint) is { } pointName)
            {
                if (AlertSetting.Parse(pointName, AlertRuleOptions.Default, HorizonSteps) is { } parsed)
                {
                    setting = parsed;
                }
                else
                {
                    problems.Add($"--operating-point: \"{pointName}\" is not a setting name (p50[wN][-p90wN]-persistN or p90wN-persistN, e.g. p50w24-p90w6-persist3).");
                }
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
                var evaluation = new EvaluationOptions
                {
                    LookbackSteps = LookbackSteps,
                    HorizonSteps = HorizonSteps,
                    OriginStride = parse.GetValue(originStride),
                    AlertRule = setting.Options,
                    AlertSweep = AlertSettingGrid.Create(HorizonSteps, AlertRuleOptions.Default, setting),
                };
                var run = new EvaluationRun(parse, tft, evaluation, parse.GetValue(days), parse.GetValue(servers));
                return Task.FromResult(seedList is null
                    ? run.Single(parse.GetValue(seed), parse.GetValue(output)!, cancellationToken)
                    : run.Several(seedList, parse.GetValue(output)!, cancellationToken));
            }
        });
        return command;
    }
}
