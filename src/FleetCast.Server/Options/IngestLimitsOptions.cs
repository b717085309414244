namespace FleetCast.Server.Options;

public sealed class IngestLimitsOptions
{
    public long MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

    public int MaxFutureSkewSeconds { get; set; } = 300;

    public int MaxSamplesPerBatch { get; set; } = 100_000;
}
