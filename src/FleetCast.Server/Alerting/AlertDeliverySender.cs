using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FleetCast.Server.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace FleetCast.Server.Alerting;

/// <summary>POSTs one delivery body to a route. A transient failure (network error, timeout, 408, 429,
/// 5xx) is retried at once with exponential backoff and jitter (Alerting:RetryAttempts); the outbox
/// spaces out further rounds. The bearer token goes only into the request header, never into a message.</summary>
public sealed class AlertDeliverySender
{
    private const int MaxBodyInError = 200;

    private readonly HttpClient _httpClient;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <param name="httpClient">Owned by the caller.</param>
    public AlertDeliverySender(HttpClient httpClient, AlertingOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _pipeline = BuildPipeline(options, time ?? throw new ArgumentNullException(nameof(time)));
    }

    public async Task<DeliveryAttempt> SendAsync(AlertRoute route, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(payload);
        var attempts = 0;
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    using var request = new HttpRequestMessage(HttpMethod.Post, route.Target);
                    request.Content = new StringContent(payload, Encoding.UTF8, "application/json");
                    if (route.BearerToken is { } secret)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
                    }

                    return await _httpClient.SendAsync(request, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var reason = ex is TimeoutRejectedException or OperationCanceledException ? "timed out" : ex.Message;
            return new DeliveryAttempt(false, attempts, $"{route.DisplayUrl}: {reason}");
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return new DeliveryAttempt(true, attempts, null);
            }

            var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
            var error = $"{route.DisplayUrl} answered {(int)response.StatusCode} {response.ReasonPhrase}{(body.Length == 0 ? string.Empty : ": " + body)}";
            return new DeliveryAttempt(false, attempts, error, Permanent: !IsTransient(response.StatusCode));
        }
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(AlertingOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.RetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.RetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(options.RetryDelayMilliseconds),
                MaxDelay = TimeSpan.FromSeconds(options.MaxRetryDelaySeconds),
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.CancellationToken)),
            });
        }

        return builder.AddTimeout(TimeSpan.FromSeconds(options.RequestTimeoutSeconds)).Build();
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

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim();
        return body.Length <= MaxBodyInError ? body : body[..MaxBodyInError] + "…";
    }
}
