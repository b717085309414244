using System.Net;
using System.Text.Json;

namespace FleetCast.Simulator.Tests.Shared;

/// <summary>Stands in for a remote FleetCast: answers the first <see cref="FailuresLeft"/> requests with
/// a failure (a status or a connection error), then accepts, recording every accepted body in order.</summary>
internal sealed class FakeIngestHandler : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly List<JsonDocument> _accepted = [];

    public int FailuresLeft { get; set; }

    /// <summary>Status of the failures; null means the connection is refused (HttpRequestException).</summary>
    public HttpStatusCode? FailureStatus { get; init; } = HttpStatusCode.ServiceUnavailable;

    public string FailureBody { get; init; } = "{\"title\":\"unavailable\"}";

    public int Requests { get; private set; }

    public List<string?> ApiKeys { get; } = [];

    public List<Uri?> Uris { get; } = [];

    public IReadOnlyList<JsonDocument> Accepted
    {
        get
        {
            lock (_gate)
            {
                return _accepted.ToArray();
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        lock (_gate)
        {
            Requests++;
            ApiKeys.Add(request.Headers.TryGetValues("X-API-Key", out var keys) ? keys.Single() : null);
            Uris.Add(request.RequestUri);
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                if (FailureStatus is not { } status)
                {
                    throw new HttpRequestException("Connection refused (fake).");
                }

                return new HttpResponseMessage(status) { Content = new StringContent(FailureBody) };
            }

            _accepted.Add(JsonDocument.Parse(body));
        }

        return new HttpResponseMessage(HttpStatusCode.Accepted) { Content = new StringContent("{\"accepted\":true}") };
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var document in _accepted)
            {
                document.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
