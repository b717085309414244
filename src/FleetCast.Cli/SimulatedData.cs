using System.CommandLine;
using FleetCast.Core.Datasets;
using FleetCast.Simulator;

namespace FleetCast.Cli;

/// <summary>Simulated data for <c>train</c> and <c>evaluate</c>: one step length, one episode plan, and
/// one check of the --days / --servers options that describe it.</summary>
internal static class SimulatedData
{
    public const int StepSeconds = 300;

    public static int StepsFor(decimal days) => (int)Math.Ceiling(days * 86_400 / StepSeconds);

    /// <summary>A fleet of <paramref name="servers"/> over <paramref name="steps"/> steps with degrading,
    /// critical and cascade episodes (see <see cref="EpisodePlan"/>).</summary>
    public static FleetDataset Generate(int seed, int steps, int servers)
    {
        var simulator = new FleetSimulator(new SimulatorOptions { Servers = servers, Seed = seed, StepSeconds = StepSeconds });
        return simulator.Generate(steps, EpisodePlan.Create(steps, seed));
    }

    /// <summary>Adds a message per bad option to <paramref name="problems"/>.</summary>
    public static void Check(ParseResult parse, Option<decimal> days, Option<int> servers, List<string> problems)
    {
        if (parse.GetValue(days) <= 0)
        {
            problems.Add("--days must be positive.");
        }

        if (parse.GetValue(servers) < 1)
        {
            problems.Add("--servers must be at least 1.");
        }
    }
}
