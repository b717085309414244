using System.Net;
using System.Net.Http.Headers;
using FleetCast.Core.Samples;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace FleetCast.Simulator.Streaming;

/// <summary>Sends simulated samples to a remote FleetCast (<c>POST api/v1/ingest</c>, header
/// <c>X-API-Key</c>). Batches go one at a time, in order: a batch that fails transiently (network
/// error, timeout, 408, 429, 5xx) is retried with exponential backoff and jitter until accepted, and
/// nothing after it is sent meanwhile, so a briefly absent server loses and reorders nothing. Other
/// 4xx answers are not retried: they surface as <see cref="RemoteIngestException"/> with the body.
/// The caller owns the <see cref="HttpClient"/>; the streamer does not dispose it.</summary>
public sealed class RemoteStreamer : IDisposable
{
    private const int MaxBodyInMessage = 500;

    private readonly HttpClient _httpClient;
    private readonly RemoteStreamerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private long _samplesSent;
    private long _batchesSent;
    private long _retries;

    public RemoteStreamer(HttpClient httpClient, RemoteStreamerOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid streamer options: {string.Join(" ", errors)}", nameof(options));
        }

        _httpClient = httpClient;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _pipeline = BuildPipeline();
    }

    public long SamplesSent => Interlocked.Read(ref _samplesSent);

    public long BatchesSent => Interlocked.Read(ref _batchesSent);

    /// <summary>Attempts repeated after a transient failure, over the streamer's life.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Sends <paramref name="samples"/> in batches of at most <see cref="RemoteStreamerOptions.MaxBatchSize"/>,
    /// in order. Completes when every batch was accepted. Concurrent calls are serialised; await each call
    /// to keep calls in order.</summary>
    /// <exception cref="RemoteIngestException">A batch was rejected or kept failing; later batches were not sent.</exception>
    public async Task SendAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        await _sendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var offset = 0; offset < samples.Count; offset += _options.MaxBatchSize)
            {
                var count = Math.Min(_options.MaxBatchSize, samples.Count - offset);
                await SendBatchAsync(IngestPayload.Serialize(samples, offset, count), cancellationToken).ConfigureAwait(false);
                Interlocked.Add(ref _samplesSent, count);
                Interlocked.Increment(ref _batchesSent);
            }
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>Steps <paramref name="simulator"/> once per <paramref name="stepInterval"/> (on the given
    /// time provider) and sends each step, until cancelled or <paramref name="maxSteps"/> steps were sent.
    /// While the server is down the loop waits for the batch instead of producing more.</summary>
    public async Task RunAsync(FleetSimulator simulator, TimeSpan stepInterval, int? maxSteps = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(stepInterval, TimeSpan.Zero);
        using var timer = new PeriodicTimer(stepInterval, _timeProvider);
        for (var step = 0; maxSteps is null || step < maxSteps; step++)
        {
            await SendAsync(simulator.Step(), cancellationToken).ConfigureAwait(false);
            if (maxSteps is { } limit && step + 1 >= limit)
            {
                break;
            }

            if (!await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                break;
            }
        }
    }

    public void Dispose() => _sendGate.Dispose();

    private async Task SendBatchAsync(byte[] body, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                async token =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, _options.IngestUri);
                    request.Content = new ByteArrayContent(body);
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    if (!string.IsNullOrEmpty(_options.ApiKey))
                    {
                        request.Headers.Add("X-API-Key", _options.ApiKey);
                    }

                    return await _httpClient.SendAsync(request, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            throw new RemoteIngestException(
                $"Could not reach the FleetCast server at {_options.IngestUri} after {_options.MaxRetryAttempts} retries: {ex.Message}",
                null,
                null,
                ex);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var responseBody = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
            var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
            var message = IsTransient(response.StatusCode)
                ? $"The FleetCast server at {_options.IngestUri} still answered {status} after {_options.MaxRetryAttempts} retries: {responseBody}"
                : $"The FleetCast server at {_options.IngestUri} rejected the batch with {status}{AuthHint(response.StatusCode)}: {responseBody}";
            throw new RemoteIngestException(message, response.StatusCode, responseBody);
        }
    }

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _timeProvider };
        if (_options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = _options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.InitialRetryDelay,
                MaxDelay = _options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = _ =>
                {
                    Interlocked.Increment(ref _retries);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.AddTimeout(_options.RequestTimeout).Build();
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Exception: OperationCanceledException } => !cancellationToken.IsCancellationRequested,
        { Result: { } response } => IsTransient(response.StatusCode),
        _ => false,
    };

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>Honours a server's Retry-After (capped by the backoff maximum); otherwise the backoff applies.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        if (response?.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        var delay = retryAfter.Delta
            ?? (retryAfter.Date is { } date ? date - _timeProvider.GetUtcNow() : (TimeSpan?)null);
        return delay is { } d && d > TimeSpan.Zero ? TimeSpan.FromTicks(Math.Min(d.Ticks, _options.MaxRetryDelay.Ticks)) : null;
    }

    private static string AuthHint(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => " (missing or wrong API key: set the streamer's API key)",
        HttpStatusCode.Forbidden => " (the API key may not ingest)",
        _ => string.Empty,
    };

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return body.Length <= MaxBodyInMessage ? body : body[..MaxBodyInMessage] + "…";
    }
}
