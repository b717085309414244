namespace FleetCast.Server.Ingest;

/// <summary>Limits on what one ingest request may carry.</summary>
public sealed record IngestOptions
{
    /// <summary>Bodies larger than this are refused (413) without being parsed.</summary>
    public long MaxBodyBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Timestamps more than this many seconds ahead of "now" are rejected (broken agent clocks).</summary>
    public int MaxFutureSkewSeconds { get; init; } = 300;

    public int MaxSamplesPerBatch { get; init; } = 50_000;

    /// <summary>At most this many error messages are reported for one request; the rest are counted.</summary>
    public int MaxReportedErrors { get; init; } = 1_000;
}
