using FleetCast.Core.Samples;

namespace FleetCast.Server.Ingest;

/// <summary>The outcome of parsing one ingest body: either every sample, or every error keyed by JSON path
/// (a batch with any error is rejected whole, so <see cref="Samples"/> is then empty).</summary>
public sealed class IngestParseResult
{
    private IngestParseResult(IReadOnlyList<MetricSample> samples, IReadOnlyDictionary<string, string[]> errors, bool bodyTooLarge)
    {
        Samples = samples;
        Errors = errors;
        BodyTooLarge = bodyTooLarge;
    }

    public IReadOnlyList<MetricSample> Samples { get; }

    /// <summary>Messages per path, e.g. <c>"samples[1].metrics.cpu_user_pct"</c>; <c>"$"</c> for the body as a whole.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>The body exceeded <see cref="IngestOptions.MaxBodyBytes"/> (answer 413, not 400).</summary>
    public bool BodyTooLarge { get; }

    public bool IsValid => Errors.Count == 0;

    internal static IngestParseResult Success(IReadOnlyList<MetricSample> samples) =>
        new(samples, new Dictionary<string, string[]>(), false);

    internal static IngestParseResult Failure(IReadOnlyDictionary<string, string[]> errors) => new([], errors, false);

    internal static IngestParseResult TooLarge(long limit) =>
        new([], new Dictionary<string, string[]> { ["$"] = [$"request body exceeds the limit of {limit} bytes"] }, true);
}
