using FleetCast.Simulator.Scenarios;

namespace FleetCast.Cli;

/// <summary>A scenario plan for generated training and evaluation data: every block of
/// <see cref="BlockSteps"/> steps starts healthy, then runs one of degrading, critical and cascade for a
/// seeded 24–36 steps from a seeded onset 12–47 steps into the block, then returns to healthy. Each day
/// (three blocks) holds one episode of each kind in a seeded order, so neither the kind nor the time of
/// day of an episode repeats yesterday's (the simulator also draws fresh servers per episode).</summary>
internal static class EpisodePlan
{
    public const int BlockSteps = 96;

    private static readonly string[] Kinds = [ScenarioNames.Degrading, ScenarioNames.Critical, ScenarioNames.Cascade];

    /// <param name="firstKind">Index into degrading, critical, cascade of the first block's episode; seeded when null.</param>
    public static IReadOnlyDictionary<int, string> Create(int steps, int seed, int? firstKind = null)
    {
        var random = new Random(seed);
        var plan = new Dictionary<int, string>();
        var day = Array.Empty<string>();
        for (int block = 0, start = 0; start < steps; block++, start += BlockSteps)
        {
            if (block % Kinds.Length == 0)
            {
                day = [.. Kinds];
                random.Shuffle(day);
                if (block == 0 && firstKind is { } kind)
                {
                    var first = Kinds[kind % Kinds.Length];
                    day = [first, .. day.Where(k => k != first)];
                }
            }

            var onset = start + 12 + random.Next(36);
            var end = onset + 24 + random.Next(13);
            if (onset >= steps)
            {
                break;
            }

            plan[onset] = day[block % Kinds.Length];
            if (end < steps)
            {
                plan[end] = ScenarioNames.Healthy;
            }
        }

        return plan;
    }
}
