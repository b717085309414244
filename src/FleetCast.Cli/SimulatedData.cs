using System.CommandLine;
using FleetCast.Core.Datasets;
using FleetCast.Simulator;

namespace FleetCast.Cli;

/// <summary>Simulated data for <c>train</c> and <c>evaluate</c>: one step length, one episode plan, and
/// one check of the --days / --servers options that describe it.</summary>
internal static class SimulatedData
{
    public const int StepSeconds = 300;

    /// <summary>Spontaneous critical issues in training and evaluation data: ten times the live simulator's
    /// default, the rate the shipped model was trained and every report was made with (same seeds, same data).</summary>
    public const double CriticalIssueProbability = 0.001;

    public static int StepsFor(decimal days) => (int)Math.Ceiling(days * 86_400 / StepSeconds);

    /// <summary>A fleet of <paramref name="servers"/> over <paramref name="steps"/> steps with degrading,
    /// critical and cascade episodes (see <see cref="EpisodePlan"/>).</summary>
    public static FleetDataset Generate(int seed, int steps, int servers, int? firstKind = null)
    {
        var simulator = new FleetSimulator(new SimulatorOptions
        {
            Servers = servers,
            Seed = seed,
            StepSeconds = StepSeconds,
            NewServersPerEpisode = true,
            CriticalIssueProbability = CriticalIssueProbability,
        });
        return simulator.Generate(steps, EpisodePlan.Create(steps, seed, firstKind));
    }

    /// <summary>Training data: <paramref name="fleets"/> fleets of <paramref name="servers"/> servers (seeds
    /// <paramref name="seed"/>, <paramref name="seed"/> + 1, …) on one time axis, fleet i starting with
    /// episode kind i mod 3, so more fleets give more episodes of every kind at every time of day. Server
    /// names get a "@fleetN" suffix from the second fleet on.</summary>
    public static FleetDataset GenerateFleets(int seed, int steps, int servers, int fleets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fleets, 1);
        if (fleets == 1)
        {
            return Generate(seed, steps, servers);
        }

        var parts = Enumerable.Range(0, fleets).Select(i => (Index: i, Data: Generate(seed + i, steps, servers, firstKind: i))).ToArray();
        string Name(int fleet, string server) => fleet == 0 ? server : $"{server}@fleet{fleet}";
        return new FleetDataset(
            parts[0].Data.Start,
            parts[0].Data.StepSeconds,
            seed,
            [.. parts.SelectMany(p => p.Data.Servers.Select(s => s with { Server = Name(p.Index, s.Server) }))],
            [.. parts.SelectMany(p => p.Data.Episodes.Select(e => e with { AffectedServers = [.. e.AffectedServers.Select(a => Name(p.Index, a))] }))]);
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
