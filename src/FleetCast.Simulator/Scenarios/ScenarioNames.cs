namespace FleetCast.Simulator.Scenarios;

/// <summary>The scenarios the simulator can run, by wire name.</summary>
public static class ScenarioNames
{
    public const string Healthy = "healthy";
    public const string Degrading = "degrading";
    public const string Critical = "critical";
    public const string Cascade = "cascade";

    public static IReadOnlyList<string> All { get; } = [Healthy, Degrading, Critical, Cascade];

    /// <summary>Case-insensitive lookup; throws <see cref="ArgumentException"/> listing the valid names.</summary>
    public static string Normalize(string? scenario, string paramName)
    {
        var trimmed = scenario?.Trim() ?? string.Empty;
        foreach (var name in All)
        {
            if (string.Equals(name, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        throw new ArgumentException($"Unknown scenario '{scenario}'. Valid scenarios: {string.Join(", ", All)}.", paramName);
    }
}
