using FleetCast.Core.Samples;
using FleetCast.Server.Ingest;
using FleetCast.Server.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FleetCast.Server.Integrations.Sources;

/// <summary>Reads every source on its own loop: every IntervalSeconds while it answers, with a doubling
/// delay (RetryDelayMilliseconds up to MaxRetryDelaySeconds) while it fails. Samples pass the same
/// validation (<see cref="SampleValidator"/>, typed, no JSON round trip) and ingest service as agents' POSTs. Logs once per change of state, not per failure.</summary>
public sealed class SourcePoller(SourceStatusBoard board, IIngestService ingest, SampleValidator validator, SourcesOptions options,
    TimeProvider time, ILogger<SourcePoller> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(board.Trackers.Select(tracker => PollAsync(tracker, stoppingToken)));

    private async Task PollAsync(SourceTracker tracker, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var interval = TimeSpan.FromSeconds(options.IntervalSeconds);
        var firstRetry = TimeSpan.FromMilliseconds(options.RetryDelayMilliseconds);
        var maxRetry = TimeSpan.FromSeconds(options.MaxRetryDelaySeconds);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var failures = await ReadOnceAsync(tracker, cancellationToken);
                var wait = failures == 0 ? interval : SourceBackoff.Delay(failures, firstRetry, maxRetry);
                await Task.Delay(wait, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: a read in flight is dropped; what was ingested before is committed.
        }
    }

    /// <summary>One read, validated and ingested; returns the failures in a row (0 after a success).</summary>
    internal async Task<int> ReadOnceAsync(SourceTracker tracker, CancellationToken cancellationToken)
    {
        var source = tracker.Source;
        var now = time.GetUtcNow();
        try
        {
            var samples = await source.ReadAsync(now, cancellationToken);
            if (samples.Count > 0)
            {
                await IngestAsync(samples, now, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var (before, failures) = tracker.RecordFailure(Describe(ex), time.GetUtcNow());
            if (before != SourceTracker.Down)
            {
                logger.LogWarning("Source {Name} ({Kind}, {Url}) is down: {Error}. Retrying after {Delay} s, doubling up to {Max} s; logged again once it is up.",
                    source.Name, source.Kind, source.Url, Describe(ex), options.RetryDelayMilliseconds / 1000.0, options.MaxRetryDelaySeconds);
            }

            return failures;
        }

        var previous = tracker.RecordSuccess(now);
        if (previous != SourceTracker.Up)
        {
            logger.LogInformation("Source {Name} ({Kind}, {Url}) is up.", source.Name, source.Kind, source.Url);
        }

        return 0;
    }

    private async Task IngestAsync(IReadOnlyList<MetricSample> samples, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parsed = validator.Validate(samples, now);
        if (!parsed.IsValid)
        {
            var first = parsed.Errors.First();
            throw new InvalidDataException($"rejected by ingest validation at {first.Key}: {string.Join("; ", first.Value)}");
        }

        await ingest.IngestAsync(parsed.Samples, cancellationToken);
    }

    private string Describe(Exception ex) => ex switch
    {
        TaskCanceledException or TimeoutException => $"no answer within {options.RequestTimeoutSeconds} s (Sources:RequestTimeoutSeconds)",
        HttpRequestException { StatusCode: { } status } => $"HTTP {(int)status} {status}",
        _ => ex.Message,
    };
}
