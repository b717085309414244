using FleetCast.Core.Snapshots;

namespace FleetCast.Server.Engine;

/// <summary>A fleet snapshot as published: the object, its JSON serialised once (plain, gzip, brotli)
/// with an ETag, and the per-server details (full quantile forecasts) that the snapshot row omits.</summary>
public sealed class PublishedSnapshot
{
    public required FleetSnapshot Snapshot { get; init; }

    public required byte[] Json { get; init; }

    public required byte[] JsonGzip { get; init; }

    public required byte[] JsonBrotli { get; init; }

    /// <summary>Strong ETag in quotes, derived from the version.</summary>
    public required string ETag { get; init; }

    public required IReadOnlyDictionary<string, ServerDetail> Details { get; init; }

    /// <summary>The engine's skipped data steps when this snapshot was published (the header shows them).</summary>
    public SkippedStepCounts SkippedSteps { get; init; }
}
