namespace FleetCast.Core.Datasets;

/// <summary>A fleet's history on a fixed step, as used for training and evaluation. Step t of every
/// series is at <see cref="Start"/> + t × <see cref="StepSeconds"/>.</summary>
/// <param name="Seed">Simulator seed that produced it (null for real data).</param>
/// <param name="Episodes">Scenario episodes in the data (simulated only), for the report.</param>
public sealed record FleetDataset(DateTimeOffset Start, int StepSeconds, int? Seed, IReadOnlyList<ServerSeries> Servers, IReadOnlyList<ScenarioEpisode> Episodes)
{
    public int Steps => Servers.Count == 0 ? 0 : Servers[0].Length;

    public DateTimeOffset TimeOf(int step) => Start.AddSeconds((double)step * StepSeconds);
}

/// <summary>A scenario that was active over [StartStep, EndStep).</summary>
public sealed record ScenarioEpisode(string Scenario, int StartStep, int EndStep, IReadOnlyList<string> AffectedServers);
