namespace FleetCast.Core.Datasets;

/// <summary>A fleet's history on a fixed step, as used for training and evaluation. Step t of every
/// series is at <see cref="Start"/> + t × <see cref="StepSeconds"/>.</summary>
/// <param name="Seed">Simulator seed that produced it (null for real data).</param>
/// <param name="Episodes">Scenario episodes in the data (simulated only), for the report.</param>
public sealed record FleetDataset(DateTimeOffset Start, int StepSeconds, int? Seed, IReadOnlyList<ServerSeries> Servers, IReadOnlyList<ScenarioEpisode> Episodes)
{
    public int Steps => Servers.Count == 0 ? 0 : Servers[0].Length;

    public DateTimeOffset TimeOf(int step) => Start.AddSeconds((double)step * StepSeconds);

    /// <summary>Steps [<paramref name="startStep"/>, <paramref name="startStep"/> + <paramref name="steps"/>) of every
    /// server; episodes are cut to that range and renumbered from its start.</summary>
    public FleetDataset Slice(int startStep, int steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startStep);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startStep + steps, Steps);
        var columns = Metrics.MetricCatalog.Count;
        var servers = Servers.Select(s => s with { Values = s.Values.AsSpan(startStep * columns, steps * columns).ToArray() }).ToArray();
        var episodes = Episodes
            .Where(e => e.EndStep > startStep && e.StartStep < startStep + steps)
            .Select(e => e with { StartStep = Math.Max(0, e.StartStep - startStep), EndStep = Math.Min(steps, e.EndStep - startStep) })
            .ToArray();
        return this with { Start = TimeOf(startStep), Servers = servers, Episodes = episodes };
    }
}

/// <summary>A scenario that was active over [StartStep, EndStep).</summary>
public sealed record ScenarioEpisode(string Scenario, int StartStep, int EndStep, IReadOnlyList<string> AffectedServers);
