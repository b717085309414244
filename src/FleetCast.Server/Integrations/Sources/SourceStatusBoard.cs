namespace FleetCast.Server.Integrations.Sources;

/// <summary>Every configured source with its tracker, in configuration order.</summary>
public sealed class SourceStatusBoard(IEnumerable<IMetricSource> sources)
{
    public IReadOnlyList<SourceTracker> Trackers { get; } = sources.Select(s => new SourceTracker(s)).ToList();

    public IReadOnlyList<SourceStatus> Statuses() => Trackers.Select(t => t.Status()).ToList();
}
