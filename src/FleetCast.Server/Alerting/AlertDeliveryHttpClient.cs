namespace FleetCast.Server.Alerting;

/// <summary>The one HttpClient alert delivery uses (disposed with the container). Timeouts are the
/// resilience pipeline's, so the client's own is off; pooled connections are recycled so a receiver
/// whose address changes is found again.</summary>
public sealed class AlertDeliveryHttpClient : IDisposable
{
    public AlertDeliveryHttpClient()
    {
        Client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        Client.DefaultRequestHeaders.UserAgent.ParseAdd("FleetCast-alert-delivery");
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();
}
