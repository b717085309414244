using FleetCast.Simulator.Scenarios;

namespace FleetCast.Cli;

/// <summary>A scenario plan for generated training and evaluation data: every block of
/// <see cref="BlockSteps"/> steps starts healthy, then runs one of degrading, critical and cascade
/// (in turn, starting at a seeded one unless given) for a seeded 24–36 steps, then returns to healthy.
/// One day of 5-minute steps holds one episode of each kind, each at the same block every day.</summary>
internal static class EpisodePlan
{
    public const int BlockSteps = 96;

    private static readonly string[] Rotation = [ScenarioNames.Degrading, ScenarioNames.Critical, ScenarioNames.Cascade];

    /// <param name="firstKind">Index into degrading, critical, cascade of the first block's episode; seeded when null.</param>
    public static IReadOnlyDictionary<int, string> Create(int steps, int seed, int? firstKind = null)
    {
        var random = new Random(seed);
        var plan = new Dictionary<int, string>();
        // Drawn even when given, so a seed's onsets and lengths stay the same either way.
        var drawn = random.Next(Rotation.Length);
        var first = firstKind is { } kind ? kind % Rotation.Length : drawn;
        for (int block = 0, start = 0; start < steps; block++, start += BlockSteps)
        {
            var onset = start + 36 + random.Next(12);
            var end = onset + 24 + random.Next(13);
            if (onset >= steps)
            {
                break;
            }

            plan[onset] = Rotation[(first + block) % Rotation.Length];
            if (end < steps)
            {
                plan[end] = ScenarioNames.Healthy;
            }
        }

        return plan;
    }
}
